using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FsmGen.Patterns.FileProcessing.Generated;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// One run of a typed processor: CSV rows become records through the generated format, every record runs through the
/// generated machine, and each ends written, filtered or an error, counted once in the ledger, as in
/// <see cref="FileProcessor"/>. Stream mode reuses one <see cref="FileRecord{TRecord}"/> for every row; batch and whole
/// modes read chunks, run their machines in parallel and write in input order.
/// </summary>
internal sealed class TypedRun<TState, TRecord>
    where TState : struct, Enum
{
    private readonly IDataFlowMachine<TState, FileRecord<TRecord>> _machine;
    private readonly ISynchronousRecordMachine<TState, TRecord>? _synchronousMachine;
    private readonly TypedRecordFormat<TRecord> _format;
    private readonly FileProcessingConfig _config;
    private readonly CsvRows _rows;
    private readonly TypedCsvRow _row;
    private readonly TypedRecordWriter<TRecord> _writer;
    private readonly RunLedger _ledger;
    private long _count;

    public TypedRun(
        IDataFlowMachine<TState, FileRecord<TRecord>> machine,
        TypedRecordFormat<TRecord> format,
        FileProcessingConfig config,
        CsvRows rows,
        TypedRecordWriter<TRecord> writer,
        RunLedger ledger)
    {
        _machine = machine;
        _synchronousMachine = machine as ISynchronousRecordMachine<TState, TRecord>;
        _format = format;
        _config = config;
        _rows = rows;
        _row = new TypedCsvRow(rows.Reader, format.Members, config.IncludeValuesInErrors);
        _writer = writer;
        _ledger = ledger;
    }

    public Task RunAsync(CancellationToken cancellationToken) => _config.Mode switch
    {
        ProcessingMode.Stream => StreamAsync(cancellationToken),
        ProcessingMode.Batch => ChunkedAsync(_config.ChunkSize, _config.ParallelChunks, cancellationToken),
        _ => ChunkedAsync(int.MaxValue, 1, cancellationToken),
    };

    private async Task StreamAsync(CancellationToken cancellationToken)
    {
        var record = new FileRecord<TRecord>();
        while (!RunSynchronously(record, cancellationToken, out var pending))
        {
            if (await pending.ConfigureAwait(false))
            {
                break;
            }
        }

        if (_count == 0 && _config.EmptyInputIsError)
        {
            await AccountEmptyInputAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads, runs and accounts records one after the other for as long as every step completes synchronously (the usual
    /// case: file I/O is synchronous and happens in large blocks, and stage methods are synchronous), so that the loop
    /// pays for no async state machine per record.
    /// </summary>
    /// <returns>True at the end of the input; false when a step has to wait: <paramref name="pending"/> then finishes the
    /// record and says whether the input ended.</returns>
    private bool RunSynchronously(FileRecord<TRecord> record, CancellationToken cancellationToken, out ValueTask<bool> pending)
    {
        while (true)
        {
            var next = NextAsync(record, cancellationToken);
            if (!next.IsCompletedSuccessfully)
            {
                pending = FinishRecordAsync(next, record, cancellationToken);
                return false;
            }

            var kind = next.Result;
            if (kind == CsvRowKind.End)
            {
                pending = default;
                return true;
            }

            var run = RunMachineAsync(record, cancellationToken);
            if (!run.IsCompletedSuccessfully)
            {
                pending = FinishRecordAsync(run, kind, record, cancellationToken);
                return false;
            }

            var account = AccountAsync(record, RawForDeadLetter(kind, record), cancellationToken);
            if (!account.IsCompletedSuccessfully)
            {
                pending = NotEnded(account);
                return false;
            }
        }
    }

    // Pooled: with a really asynchronous stage method every record takes this path, and it should not allocate each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FinishRecordAsync(ValueTask<CsvRowKind> next, FileRecord<TRecord> record, CancellationToken cancellationToken)
    {
        var kind = await next.ConfigureAwait(false);
        if (kind == CsvRowKind.End)
        {
            return true;
        }

        await RunMachineAsync(record, cancellationToken).ConfigureAwait(false);
        await AccountAsync(record, RawForDeadLetter(kind, record), cancellationToken).ConfigureAwait(false);
        return false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FinishRecordAsync(ValueTask run, CsvRowKind kind, FileRecord<TRecord> record, CancellationToken cancellationToken)
    {
        await run.ConfigureAwait(false);
        await AccountAsync(record, RawForDeadLetter(kind, record), cancellationToken).ConfigureAwait(false);
        return false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> NotEnded(ValueTask account)
    {
        await account.ConfigureAwait(false);
        return false;
    }

    /// <summary>Stream mode: the reader is still on the record's row, so its raw input is copied only when the record failed.</summary>
    private ReadOnlyMemory<byte> RawForDeadLetter(CsvRowKind kind, FileRecord<TRecord> record) =>
        kind == CsvRowKind.Row && record.Outcome == FileRecordOutcome.Invalid ? _rows.RawForDeadLetter() : record.Raw;

    private async Task ChunkedAsync(int chunkSize, int parallelChunks, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<Task<List<FileRecord<TRecord>>>>(new BoundedChannelOptions(parallelChunks) { SingleReader = true, SingleWriter = true });
        // Not disposed: after a failure, chunk tasks that are still running release it when they stop.
        var workers = new SemaphoreSlim(parallelChunks);
        var producer = Task.Run(() => ProduceAsync(chunks.Writer, workers, chunkSize, stop.Token), stop.Token);
        try
        {
            await foreach (var pending in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                foreach (var record in await pending.ConfigureAwait(false))
                {
                    await AccountAsync(record, record.Raw, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(producer).ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
        if (_count == 0 && _config.EmptyInputIsError)
        {
            await AccountEmptyInputAsync(new FileRecord<TRecord>(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and converts the rows into chunks, and starts the machines of each chunk (up to <c>ParallelChunks</c> at once).</summary>
    private async Task ProduceAsync(ChannelWriter<Task<List<FileRecord<TRecord>>>> chunks, SemaphoreSlim workers, int chunkSize, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = NewChunk(chunkSize);
            while (true)
            {
                var record = new FileRecord<TRecord>();
                var kind = await NextAsync(record, cancellationToken).ConfigureAwait(false);
                if (kind == CsvRowKind.End)
                {
                    break;
                }

                // Chunks run after the reader has moved on: keep the raw input for the dead-letter file now.
                if (kind == CsvRowKind.Row)
                {
                    record.Raw = _rows.RawForDeadLetter();
                }

                chunk.Add(record);
                if (chunk.Count == chunkSize)
                {
                    await SubmitAsync(chunk).ConfigureAwait(false);
                    chunk = NewChunk(chunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await SubmitAsync(chunk).ConfigureAwait(false);
            }

            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }

        async Task SubmitAsync(List<FileRecord<TRecord>> full)
        {
            await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
            var processing = Task.Run(() => ProcessChunkAsync(full, workers, cancellationToken), cancellationToken);
            await chunks.WriteAsync(processing, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<FileRecord<TRecord>>> ProcessChunkAsync(List<FileRecord<TRecord>> chunk, SemaphoreSlim workers, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var record in chunk)
            {
                var run = RunMachineAsync(record, cancellationToken);
                if (!run.IsCompletedSuccessfully)
                {
                    await run.ConfigureAwait(false);
                }
            }

            return chunk;
        }
        finally
        {
            workers.Release();
        }
    }

    private static List<FileRecord<TRecord>> NewChunk(int chunkSize) => new(Math.Min(chunkSize, 16 * 1024));

    /// <summary>Reads the next row into <paramref name="record"/>: its value, or why it could not be read or converted.</summary>
    private ValueTask<CsvRowKind> NextAsync(FileRecord<TRecord> record, CancellationToken cancellationToken)
    {
        var next = _rows.NextAsync(cancellationToken);
        return next.IsCompletedSuccessfully ? new ValueTask<CsvRowKind>(Convert(next.Result, record)) : AwaitNext(next, record);

        async ValueTask<CsvRowKind> AwaitNext(ValueTask<CsvRowKind> pending, FileRecord<TRecord> target) =>
            Convert(await pending.ConfigureAwait(false), target);
    }

    private CsvRowKind Convert(CsvRowKind kind, FileRecord<TRecord> record)
    {
        if (kind == CsvRowKind.End)
        {
            return kind;
        }

        if (kind == CsvRowKind.Failed)
        {
            var failed = _rows.Failed!;
            record.Reset(++_count, failed.LineNumber, failed.ByteOffset);
            record.Raw = failed.RawUtf8;
            record.Fail(failed.Failure!.Stage, failed.Failure.Field, failed.Failure.Reason);
            return kind;
        }

        var csv = _rows.Reader;
        record.Reset(++_count, csv.LineNumber, csv.ByteOffset);
        if (!_row.IsBound)
        {
            _row.Bind();
        }

        if (_row.MissingColumns is { } missing)
        {
            record.Fail(missing.Stage, missing.Field, missing.Reason);
        }
        else if (_format.TryRead(_row, out var value))
        {
            record.Value = value;
        }
        else
        {
            var failure = _row.Failure!;
            record.Fail(failure.Stage, failure.Field, failure.Reason);
        }

        return kind;
    }

    /// <summary>Runs the record through the machine; afterwards its outcome is written, filtered or invalid.</summary>
    private ValueTask RunMachineAsync(FileRecord<TRecord> record, CancellationToken cancellationToken)
    {
        if (_synchronousMachine is not null)
        {
            // What RunAsync of an all-synchronous machine does, without wrapping the result in a ValueTask.
            cancellationToken.ThrowIfCancellationRequested();
            Settle(record, _synchronousMachine.Run(record));
            return default;
        }

        var run = _machine.RunAsync(record, cancellationToken);
        if (run.IsCompletedSuccessfully)
        {
            Settle(record, run.Result);
            return default;
        }

        return AwaitRun(run, record);

        static async ValueTask AwaitRun(ValueTask<FlowResult<TState, FileRecord<TRecord>>> pending, FileRecord<TRecord> target) =>
            Settle(target, await pending.ConfigureAwait(false));
    }

    private static void Settle(FileRecord<TRecord> record, FlowResult<TState, FileRecord<TRecord>> result)
    {
        if (!result.Succeeded)
        {
            // Slot methods' exceptions are caught by the generated stages; this is anything else that went wrong.
            var stage = StageOf(result.FailedState);
            if (!record.HasFailed)
            {
                record.Fail(stage, null, $"the {stage} stage failed unexpectedly: {result.Error!.GetType().Name}: {result.Error.Message}");
            }

            record.Outcome = FileRecordOutcome.Invalid;
        }
        else if (record.Outcome == FileRecordOutcome.Pending)
        {
            record.Fail(ProcessingStage.Read, null, $"the record's run ended in {result.FinalState} without an outcome (a bug in the generated machine)");
            record.Outcome = FileRecordOutcome.Invalid;
        }
    }

    /// <summary>Writes a record that reached the written state, and counts every record exactly once.</summary>
    private ValueTask AccountAsync(FileRecord<TRecord> record, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        if (record.Outcome == FileRecordOutcome.Written)
        {
            ValueTask write;
            try
            {
                write = _writer.WriteAsync(record.Value, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return WriteFailedAsync(record, raw, e, cancellationToken);
            }

            if (write.IsCompletedSuccessfully)
            {
                _ledger.CountWritten();
                return default;
            }

            return AwaitWrite(write, record, raw, cancellationToken);
        }

        if (record.Outcome == FileRecordOutcome.Filtered)
        {
            _ledger.CountFiltered();
            return default;
        }

        return CountErrorAsync(record, raw, cancellationToken);

        async ValueTask AwaitWrite(ValueTask pending, FileRecord<TRecord> target, ReadOnlyMemory<byte> input, CancellationToken token)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await WriteFailedAsync(target, input, e, token).ConfigureAwait(false);
                return;
            }

            _ledger.CountWritten();
        }
    }

    private ValueTask WriteFailedAsync(FileRecord<TRecord> record, ReadOnlyMemory<byte> raw, Exception e, CancellationToken cancellationToken)
    {
        if (raw.IsEmpty && _config.Mode == ProcessingMode.Stream)
        {
            // Stream mode: the reader is still on the record's row.
            raw = _rows.RawForDeadLetter();
        }

        var failure = StageFailures.From(ProcessingStage.Write, "writing the record", e);
        record.Fail(failure.Stage, failure.Field, failure.Reason);
        record.Outcome = FileRecordOutcome.Invalid;
        return CountErrorAsync(record, raw, cancellationToken);
    }

    private ValueTask CountErrorAsync(FileRecord<TRecord> record, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        var context = new RecordContext { RecordNumber = record.RecordNumber, LineNumber = record.LineNumber, ByteOffset = record.ByteOffset, RawUtf8 = raw };
        return _ledger.CountErrorAsync(context, new StageFailure(record.FailedStage, record.Field, record.Reason!), cancellationToken);
    }

    private async ValueTask AccountEmptyInputAsync(FileRecord<TRecord> record, CancellationToken cancellationToken)
    {
        record.Reset(1, Math.Max(_rows.LinesRead, 1), 0);
        record.Fail(ProcessingStage.Read, null, _rows.EmptyInputReason);
        await RunMachineAsync(record, cancellationToken).ConfigureAwait(false);
        await AccountAsync(record, default, cancellationToken).ConfigureAwait(false);
    }

    private static ProcessingStage StageOf(TState? state)
    {
        var name = state?.ToString();
        return name == "Written" ? ProcessingStage.Write
            : Enum.TryParse<ProcessingStage>(name, out var stage) ? stage
            : ProcessingStage.Read;
    }
}
