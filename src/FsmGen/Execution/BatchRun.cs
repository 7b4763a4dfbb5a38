namespace FsmGen;

/// <summary>
/// One batch run. Workers claim batch numbers from a shared counter and write each outcome at its input index,
/// so results come out in input order no matter which worker finishes first.
/// </summary>
internal sealed class BatchRun<TState, TData>
    where TState : struct, Enum
{
    private readonly Func<IDataFlowMachine<TState, TData>> _machineFactory;
    private readonly IReadOnlyList<TData> _inputs;
    private readonly int _batchSize;
    private readonly int _batchCount;
    private readonly int _workerCount;
    private readonly IProgress<BatchProgress>? _progress;
    private readonly FlowResult<TState, TData>[] _results;
    private readonly Lock _progressLock = new();
    private int _nextBatch;
    private int _completed;

    public BatchRun(
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        IReadOnlyList<TData> inputs,
        BatchOptions options,
        IProgress<BatchProgress>? progress)
    {
        _machineFactory = machineFactory;
        _inputs = inputs;
        _batchSize = options.BatchSize;
        _batchCount = (int)(((long)inputs.Count + options.BatchSize - 1) / options.BatchSize);
        _workerCount = Math.Min(options.ParallelWorkers, _batchCount);
        _progress = progress;
        _results = new FlowResult<TState, TData>[inputs.Count];
    }

    public async Task<BatchResult<TState, TData>> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var supervisor = new StageSupervisor(cancellationToken);
        var workers = new Task[_workerCount];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = supervisor.Start(() => WorkAsync(supervisor.StopToken));
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        supervisor.ThrowIfStopped();
        return new BatchResult<TState, TData>(_results);
    }

    private async Task WorkAsync(CancellationToken stopToken)
    {
        var machine = _machineFactory();
        while (true)
        {
            var batch = Interlocked.Increment(ref _nextBatch) - 1;
            if (batch >= _batchCount)
            {
                return;
            }

            var start = batch * _batchSize;
            var end = (int)Math.Min((long)start + _batchSize, _inputs.Count);
            for (var index = start; index < end; index++)
            {
                stopToken.ThrowIfCancellationRequested();
                _results[index] = await RecordRun.RunAsync(machine, _inputs[index], stopToken).ConfigureAwait(false);
            }

            ReportProgress(end - start);
        }
    }

    private void ReportProgress(int finishedInBatch)
    {
        if (_progress is null)
        {
            return;
        }

        // Counting and reporting under one lock keeps the reported numbers increasing even with several workers.
        lock (_progressLock)
        {
            _completed += finishedInBatch;
            _progress.Report(new BatchProgress(_completed, _inputs.Count));
        }
    }
}
