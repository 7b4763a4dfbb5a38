namespace FsmGen;

/// <summary>How <see cref="FlowBatch"/> splits and parallelises a list of records. Immutable; validated when created.</summary>
public sealed class BatchOptions
{
    /// <summary>The default batch size (seed option <c>batch_size</c>).</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>The default number of concurrent workers (seed option <c>parallel_workers</c>).</summary>
    public const int DefaultParallelWorkers = 1;

    /// <summary>Creates batch options.</summary>
    /// <param name="batchSize">Records per batch (seed option <c>batch_size</c>); must be greater than zero.</param>
    /// <param name="parallelWorkers">Batches run at the same time (seed option <c>parallel_workers</c>); must be greater than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is zero or negative; the parameter name says which.</exception>
    public BatchOptions(int batchSize = DefaultBatchSize, int parallelWorkers = DefaultParallelWorkers)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "BatchSize (batch_size) must be greater than zero.");
        }

        if (parallelWorkers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelWorkers), parallelWorkers, "ParallelWorkers (parallel_workers) must be greater than zero.");
        }

        BatchSize = batchSize;
        ParallelWorkers = parallelWorkers;
    }

    /// <summary>Options with every default: batches of 1000 records, one worker.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>Records per batch (seed option <c>batch_size</c>).</summary>
    public int BatchSize { get; }

    /// <summary>How many batches run at the same time, each on its own machine instance (seed option <c>parallel_workers</c>).</summary>
    public int ParallelWorkers { get; }

    /// <inheritdoc />
    public override string ToString() => $"BatchSize={BatchSize}, ParallelWorkers={ParallelWorkers}";
}
