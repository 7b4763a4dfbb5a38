using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// One run of a config, as a three-stage pipeline: a reader task streams the source into a small buffer; the run's own
/// loop cuts batches and takes every record of a batch through the per-record machine (on
/// <see cref="EtlConfig.ParallelWorkers"/> machines at once); a loader task writes the batches, in order, a unit of
/// <see cref="EtlConfig.CheckpointInterval"/> batches per transaction with its checkpoint. Transforming batch n + 1
/// overlaps loading batch n. Every record of a batch the loader takes is accounted for exactly once by the ledger.
/// The route decides what the records are: dictionaries through the config's stages, or a <c>[Pattern("Etl")]</c>
/// class's typed records through its generated machine.
/// </summary>
internal sealed class EtlRun
{
    private readonly EtlConfig _config;
    private readonly EtlRoute _route;
    private readonly IProgress<EtlProgress>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly EtlLedger _ledger;

    // The batch the run's loop is filling or transforming, not yet handed to the loader.
    private List<EtlRecord> _inFlight = [];

    public EtlRun(EtlConfig config, EtlRoute route, IProgress<EtlProgress>? progress)
    {
        _config = config;
        _route = route;
        _progress = progress;
        _ledger = new EtlLedger(config, config.ReadOrder);
    }

    public async Task<EtlResult> RunAsync(string? checkpointId, CancellationToken cancellationToken)
    {
        if (checkpointId is { Length: 0 })
        {
            throw new ArgumentException("The checkpoint id must not be empty (pass null for a run without checkpoints).", nameof(checkpointId));
        }

        // Incremental mode always keeps its watermark; without an id, in a row named after the target table.
        var stateId = checkpointId ?? (_config.Mode == EtlMode.Incremental ? "incremental:" + _config.TargetTable : null);
        if (stateId is not null && !_config.Source.IsFile && _config.ReadOrder.Count == 0)
        {
            throw new EtlException("A checkpointed run reads its source in an order it can resume from, and this config gives none: set KeyColumns (or SourceOrderColumns for a target without keys).");
        }

        var loader = await TargetLoader.OpenAsync(_config, useCheckpoints: stateId is not null, cancellationToken).ConfigureAwait(false);
        await using (loader.ConfigureAwait(false))
        {
            var state = stateId is null ? null : await loader.ReadCheckpointAsync(stateId, cancellationToken).ConfigureAwait(false);
            if (state is not null && state.TargetTable != _config.TargetTable)
            {
                throw new EtlException($"The checkpoint '{stateId}' belongs to a run into {state.TargetTable}, not {_config.TargetTable}; use another checkpoint id.");
            }

            var resumed = state is not null && (!state.Completed || _config.Mode == EtlMode.Incremental) && state.Position is not null;
            var position = resumed ? state!.Position : null;
            var previouslyCommitted = resumed ? state!.RowsCommitted : 0;
            if (position is not null && (position.Order is null) != _config.Source.IsFile)
            {
                throw new EtlException($"The checkpoint '{stateId}' was written for a {(position.Order is null ? "file" : "database")} source; use another checkpoint id.");
            }

            var stages = await _route.StartAsync(_config, loader, cancellationToken).ConfigureAwait(false);
            var reader = stages.OpenReader(position, keepPositions: stateId is not null);
            await using (reader.ConfigureAwait(false))
            {
                var loop = new LoadLoop(this, loader, stages, stateId, position, previouslyCommitted, emptyTargetFirst: _config.Mode == EtlMode.FullRefresh && !resumed);
                var failure = await RunPipelineAsync(reader, stages, loop, cancellationToken).ConfigureAwait(false);
                var unreadable = (reader as FileSourceReader)?.UnreadableRecordNumbers;
                var result = _ledger.ToResult(stateId, resumed, previouslyCommitted, completed: failure is null, _clock.Elapsed, unreadable);
                switch (failure)
                {
                    case null:
                        return result;
                    case ErrorThresholdReached:
                        throw new EtlErrorThresholdException(ThresholdMessage(result, stateId), result);
                    case OperationCanceledException when cancellationToken.IsCancellationRequested:
                        throw failure;
                    case EtlException etl:
                        throw new EtlException(etl.Message + CommittedNote(result, stateId), etl.InnerException ?? etl) { PartialResult = result };
                    default:
                        throw new EtlException($"The run into {_config.TargetTable} failed: {failure.GetType().Name}: {failure.Message}{CommittedNote(result, stateId)}", failure) { PartialResult = result };
                }
            }
        }
    }

    private async Task<Exception?> RunPipelineAsync(SourceReader reader, EtlRouteRun stages, LoadLoop loop, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var toLoad = Channel.CreateBounded<List<EtlRecord>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var loading = Task.Run(() => loop.RunAsync(toLoad.Reader, stop), CancellationToken.None);

        Exception? producerFailure = null;
        try
        {
            await ProduceAsync(reader, stages, toLoad.Writer, stop.Token).ConfigureAwait(false);
            toLoad.Writer.Complete();
        }
        catch (Exception e)
        {
            producerFailure = e;

            // Completing with the failure (not plainly) keeps the loader from taking the end of the batches for the end of the source.
            toLoad.Writer.TryComplete(e);
            await stop.CancelAsync().ConfigureAwait(false);
        }

        Exception? loaderFailure = null;
        try
        {
            await loading.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            loaderFailure = e;
        }

        // Batches read ahead but not yet taken by the loader when the run stopped are not counted, like the rows still in
        // the read-ahead buffer: a resumed run reads them again.
        _inFlight = [];

        // The loader's own failure is the cause when it stopped the pipeline; the producer then only saw the cancellation.
        if (loaderFailure is not null && !(loaderFailure is OperationCanceledException && producerFailure is not null))
        {
            return loaderFailure;
        }

        return producerFailure;
    }

    private async Task ProduceAsync(SourceReader reader, EtlRouteRun stages, ChannelWriter<List<EtlRecord>> toLoad, CancellationToken cancellationToken)
    {
        var batchSize = _config.BatchSize;
        var rows = Channel.CreateBounded<EtlRecord>(new BoundedChannelOptions(Math.Min(batchSize * 2, 65_536)) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var record in reader.ReadAsync(stopReading.Token).ConfigureAwait(false))
                    {
                        await rows.Writer.WriteAsync(record, stopReading.Token).ConfigureAwait(false);
                    }

                    rows.Writer.Complete();
                }
                catch (Exception e)
                {
                    rows.Writer.TryComplete(e);
                }
            },
            CancellationToken.None);

        var machines = new IEtlRecordProcessor[_config.ParallelWorkers];
        for (var i = 0; i < machines.Length; i++)
        {
            machines[i] = stages.CreateProcessor();
        }

        try
        {
            _inFlight = new List<EtlRecord>(batchSize);
            while (await rows.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (rows.Reader.TryRead(out var record))
                {
                    _inFlight.Add(record);
                    if (_inFlight.Count == batchSize)
                    {
                        await ProcessAndHandOverAsync(machines, toLoad, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            if (_inFlight.Count > 0)
            {
                await ProcessAndHandOverAsync(machines, toLoad, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }

    private async Task ProcessAndHandOverAsync(IEtlRecordProcessor[] machines, ChannelWriter<List<EtlRecord>> toLoad, CancellationToken cancellationToken)
    {
        var batch = _inFlight;
        if (machines.Length == 1 || batch.Count < machines.Length * 2)
        {
            foreach (var record in batch)
            {
                await machines[0].ProcessAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Contiguous slices, one machine each: a machine runs one record at a time.
            var slice = (batch.Count + machines.Length - 1) / machines.Length;
            var workers = new Task[machines.Length];
            for (var w = 0; w < machines.Length; w++)
            {
                var machine = machines[w];
                var start = w * slice;
                var end = Math.Min(start + slice, batch.Count);
                workers[w] = Task.Run(
                    async () =>
                    {
                        for (var i = start; i < end; i++)
                        {
                            await machine.ProcessAsync(batch[i], cancellationToken).ConfigureAwait(false);
                        }
                    },
                    cancellationToken);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        await toLoad.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        _inFlight = new List<EtlRecord>(_config.BatchSize);
    }

    private string ThresholdMessage(EtlResult result, string? stateId)
    {
        var rate = result.Extracted == 0 ? 0 : (double)result.Errors / result.Extracted;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"DatabaseEtl stopped: {result.Errors} of the {result.Extracted} records extracted so far ({rate:P1}) ended in error, above ErrorThreshold {_config.ErrorThreshold:0.###}. The batch that passed the threshold was rolled back.{CommittedNote(result, stateId)} First error: {_ledger.FirstError() ?? "(none)"}");
    }

    private static string CommittedNote(EtlResult result, string? stateId) => string.Create(
        CultureInfo.InvariantCulture,
        $" {result.CommittedBatches} batch(es) committed before ({result.Loaded} row(s)) stay{(stateId is null ? "." : $"; a run with checkpoint id '{stateId}' continues after them.")}");

    private void Report()
    {
        _progress?.Report(_ledger.Snapshot(_clock.Elapsed));
    }

    /// <summary>Thrown by the load loop when a unit's errors pass the threshold; turned into <see cref="EtlErrorThresholdException"/>.</summary>
    private sealed class ErrorThresholdReached : Exception
    {
    }

    /// <summary>The loader task: groups batches into units, writes them in order, accounts them, reports progress.</summary>
    private sealed class LoadLoop(EtlRun run, TargetLoader loader, EtlRouteRun stages, string? stateId, SourcePosition? position, long committedRows, bool emptyTargetFirst)
    {
        public async Task RunAsync(ChannelReader<List<EtlRecord>> batches, CancellationTokenSource stop)
        {
            var unit = new List<IReadOnlyList<EtlRecord>>(run._config.CheckpointInterval);
            try
            {
                await foreach (var batch in batches.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    unit.Add(batch);
                    if (unit.Count == run._config.CheckpointInterval)
                    {
                        await WriteAsync(unit, stop.Token).ConfigureAwait(false);
                        unit = new List<IReadOnlyList<EtlRecord>>(run._config.CheckpointInterval);
                    }
                }

                if (unit.Count > 0 || emptyTargetFirst)
                {
                    await WriteAsync(unit, stop.Token).ConfigureAwait(false);
                    unit = [];
                }

                if (stateId is not null)
                {
                    await loader.MarkCompletedAsync(stateId, stop.Token).ConfigureAwait(false);
                }
            }
            catch
            {
                // Batches taken from the channel but not written are accounted as never loaded.
                foreach (var batch in unit)
                {
                    run._ledger.Account(batch, [], committed: false, stages.Shape);
                }

                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task WriteAsync(List<IReadOnlyList<EtlRecord>> unit, CancellationToken cancellationToken)
        {
            var batchCount = unit.Count;
            long records = 0;
            foreach (var batch in unit)
            {
                records += batch.Count;
            }

            var unitPosition = LastPosition(unit) ?? position;
            var outcome = await loader.WriteUnitAsync(
                new LoadUnit
                {
                    Batches = unit,
                    EmptyTargetFirst = emptyTargetFirst,
                    Checkpoint = stateId is null ? null : new CheckpointWrite(stateId, run._config.TargetTable, unitPosition, committedRows + records),
                    Approve = refused => run._ledger.WithinThreshold(unit, refused.Count),
                },
                stages.Shape,
                cancellationToken).ConfigureAwait(false);

            foreach (var batch in unit)
            {
                run._ledger.Account(batch, outcome.Failures, outcome.Committed, stages.Shape);
            }

            unit.Clear();
            if (!outcome.Committed)
            {
                throw new ErrorThresholdReached();
            }

            run._ledger.BatchesCommitted(batchCount);
            position = unitPosition;
            committedRows += records;
            emptyTargetFirst = false;
            run.Report();
        }

        private static SourcePosition? LastPosition(List<IReadOnlyList<EtlRecord>> unit)
        {
            for (var b = unit.Count - 1; b >= 0; b--)
            {
                var batch = unit[b];
                for (var i = batch.Count - 1; i >= 0; i--)
                {
                    var record = batch[i];
                    if (record.Ordinal > 0)
                    {
                        return SourcePosition.AfterOrdinal(record.Ordinal);
                    }

                    if (record.OrderValues is { } order && Array.TrueForAll(order, SourcePosition.CanStore))
                    {
                        return SourcePosition.AfterOrder(order);
                    }
                }
            }

            return null;
        }
    }
}
