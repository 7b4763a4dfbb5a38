using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace FsmGen;

/// <summary>
/// One stream run: a producer reads the source into a bounded channel, workers run records, a deliverer hands
/// results to the sink. Memory stays bounded because a worker may only start a record while fewer than
/// ParallelWorkers records are started but not yet through the sink; a slow sink therefore stalls the workers,
/// the channel fills, and backpressure reaches the source.
/// </summary>
internal sealed class StreamRun<TState, TData>
    where TState : struct, Enum
{
    private readonly IAsyncEnumerable<TData> _source;
    private readonly Func<IDataFlowMachine<TState, TData>> _machineFactory;
    private readonly Func<FlowResult<TState, TData>, CancellationToken, ValueTask> _sink;
    private readonly Action<TData>? _onDropped;
    private readonly StreamOptions _options;

    private readonly Channel<TData> _pending;
    private readonly Channel<FinishedRecord> _finished;

    // One permit per record between "a worker took it" and "the sink returned"; this is what bounds the reorder window.
    private readonly SemaphoreSlim _inFlight;

    private readonly Lock _dispatchLock = new();
    private long _nextPosition;
    private int _activeWorkers;

    private long _read;
    private long _dropped;
    private long _succeeded;
    private long _failed;
    private long _emitted;

    public StreamRun(
        IAsyncEnumerable<TData> source,
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        Func<FlowResult<TState, TData>, CancellationToken, ValueTask> sink,
        StreamOptions options,
        Action<TData>? onDropped)
    {
        _source = source;
        _machineFactory = machineFactory;
        _sink = sink;
        _options = options;
        _onDropped = onDropped;
        _inFlight = new SemaphoreSlim(options.ParallelWorkers, options.ParallelWorkers);
        _activeWorkers = options.ParallelWorkers;

        var pendingOptions = new BoundedChannelOptions(options.BufferSize)
        {
            FullMode = ToChannelFullMode(options.Backpressure),
            SingleWriter = true,
            SingleReader = options.ParallelWorkers == 1,
        };
        _pending = options.Backpressure is BackpressureMode.DropNewest or BackpressureMode.DropOldest
            ? Channel.CreateBounded<TData>(pendingOptions, OnRecordDropped)
            : Channel.CreateBounded<TData>(pendingOptions);

        // Unbounded is safe: the in-flight permits keep at most ParallelWorkers records here.
        _finished = Channel.CreateUnbounded<FinishedRecord>(new UnboundedChannelOptions { SingleReader = true });
    }

    public async Task<StreamSummary> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var supervisor = new StageSupervisor(cancellationToken);
        var stopToken = supervisor.StopToken;
        try
        {
            var stages = new Task[_options.ParallelWorkers + 2];
            stages[0] = supervisor.Start(() => ProduceAsync(stopToken));
            for (var i = 1; i <= _options.ParallelWorkers; i++)
            {
                stages[i] = supervisor.Start(() => WorkAsync(stopToken));
            }

            stages[^1] = supervisor.Start(() => DeliverAsync(stopToken));
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Dispose();
        }

        supervisor.ThrowIfStopped();
        return new StreamSummary(_read, _succeeded, _failed, _emitted, _dropped);
    }

    private static BoundedChannelFullMode ToChannelFullMode(BackpressureMode backpressure) => backpressure switch
    {
        // The channel's own DropNewest evicts the newest *buffered* record; dropping the arriving one is DropWrite.
        BackpressureMode.DropNewest => BoundedChannelFullMode.DropWrite,
        BackpressureMode.DropOldest => BoundedChannelFullMode.DropOldest,

        // Fail uses TryWrite on a waiting channel: a refused write means the buffer is full.
        _ => BoundedChannelFullMode.Wait,
    };

    // The channel calls this outside its lock, inside the producer's TryWrite, so only the producer touches _dropped.
    private void OnRecordDropped(TData record)
    {
        _dropped++;
        _onDropped?.Invoke(record);
    }

    private async Task ProduceAsync(CancellationToken stopToken)
    {
        var writer = _pending.Writer;
        try
        {
            await foreach (var record in _source.WithCancellation(stopToken).ConfigureAwait(false))
            {
                // TryWrite ignores the token, and a source may ignore it too; without this a stopped run could keep reading.
                stopToken.ThrowIfCancellationRequested();
                _read++;
                switch (_options.Backpressure)
                {
                    case BackpressureMode.Wait:
                        await writer.WriteAsync(record, stopToken).ConfigureAwait(false);
                        break;
                    case BackpressureMode.Fail:
                        if (!writer.TryWrite(record))
                        {
                            throw new StreamBufferFullException(_options.BufferSize, _read);
                        }

                        break;
                    default:
                        // A full channel drops a record and reports it through OnRecordDropped; the write itself always succeeds.
                        writer.TryWrite(record);
                        break;
                }
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task WorkAsync(CancellationToken stopToken)
    {
        try
        {
            var machine = _machineFactory();
            while (true)
            {
                await _inFlight.WaitAsync(stopToken).ConfigureAwait(false);
                TData? record;
                long position;
                while (!TryDispatch(out record, out position))
                {
                    if (!await _pending.Reader.WaitToReadAsync(stopToken).ConfigureAwait(false))
                    {
                        _inFlight.Release();
                        return;
                    }
                }

                stopToken.ThrowIfCancellationRequested();
                var result = await RecordRun.RunAsync(machine, record, stopToken).ConfigureAwait(false);
                _finished.Writer.TryWrite(new FinishedRecord(position, result));
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _activeWorkers) == 0)
            {
                _finished.Writer.TryComplete();
            }
        }
    }

    /// <summary>
    /// Takes the next buffered record and gives it its delivery position. Both happen under one lock so positions
    /// follow source order; records the channel dropped never get a position, so the sequence has no gaps to wait on.
    /// </summary>
    private bool TryDispatch([MaybeNullWhen(false)] out TData record, out long position)
    {
        lock (_dispatchLock)
        {
            if (_pending.Reader.TryRead(out record))
            {
                position = _nextPosition++;
                return true;
            }
        }

        position = -1;
        return false;
    }

    private async Task DeliverAsync(CancellationToken stopToken)
    {
        // Positions not yet delivered always lie within ParallelWorkers of the next one (see _inFlight), so a ring that size holds them all.
        var window = _options.ParallelWorkers;
        var held = new FlowResult<TState, TData>[window];
        var isHeld = new bool[window];
        long nextPosition = 0;

        await foreach (var finished in _finished.Reader.ReadAllAsync(stopToken).ConfigureAwait(false))
        {
            if (!_options.PreserveOrder)
            {
                await HandToSinkAsync(finished.Result, stopToken).ConfigureAwait(false);
                continue;
            }

            var slot = (int)(finished.Position % window);
            held[slot] = finished.Result;
            isHeld[slot] = true;

            slot = (int)(nextPosition % window);
            while (isHeld[slot])
            {
                var result = held[slot];
                held[slot] = default;
                isHeld[slot] = false;
                nextPosition++;
                await HandToSinkAsync(result, stopToken).ConfigureAwait(false);
                slot = (int)(nextPosition % window);
            }
        }
    }

    private async ValueTask HandToSinkAsync(FlowResult<TState, TData> result, CancellationToken stopToken)
    {
        // Reading the finished channel does not look at the token while results are available, so check before each hand-off.
        stopToken.ThrowIfCancellationRequested();
        await _sink(result, stopToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            _succeeded++;
            if (result.Emitted)
            {
                _emitted++;
            }
        }
        else
        {
            _failed++;
        }

        _inFlight.Release();
    }

    private readonly record struct FinishedRecord(long Position, FlowResult<TState, TData> Result);
}
