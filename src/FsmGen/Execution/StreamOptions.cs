namespace FsmGen;

/// <summary>How <see cref="FlowStream"/> buffers, parallelises and orders a stream of records. Immutable; validated when created.</summary>
public sealed class StreamOptions
{
    /// <summary>The default buffer capacity.</summary>
    public const int DefaultBufferSize = 1024;

    /// <summary>The default number of concurrent workers (seed option <c>parallel_workers</c>).</summary>
    public const int DefaultParallelWorkers = 1;

    /// <summary>Creates stream options.</summary>
    /// <param name="bufferSize">Records read from the source but not yet started; must be greater than zero.</param>
    /// <param name="parallelWorkers">Records run at the same time (seed option <c>parallel_workers</c>); must be greater than zero.</param>
    /// <param name="backpressure">What happens to a new record when the buffer is full (seed option <c>backpressure</c>).</param>
    /// <param name="preserveOrder">Whether the sink sees results in source order.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name says which.</exception>
    public StreamOptions(
        int bufferSize = DefaultBufferSize,
        int parallelWorkers = DefaultParallelWorkers,
        BackpressureMode backpressure = BackpressureMode.Wait,
        bool preserveOrder = true)
    {
        if (bufferSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, "BufferSize must be greater than zero.");
        }

        if (parallelWorkers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parallelWorkers), parallelWorkers, "ParallelWorkers (parallel_workers) must be greater than zero.");
        }

        if (backpressure is < BackpressureMode.Wait or > BackpressureMode.Fail)
        {
            throw new ArgumentOutOfRangeException(nameof(backpressure), backpressure, "Backpressure (backpressure) must be Wait, DropNewest, DropOldest or Fail.");
        }

        BufferSize = bufferSize;
        ParallelWorkers = parallelWorkers;
        Backpressure = backpressure;
        PreserveOrder = preserveOrder;
    }

    /// <summary>Options with every default: a buffer of 1024 records, one worker, waiting backpressure, source order kept.</summary>
    public static StreamOptions Default { get; } = new();

    /// <summary>
    /// Capacity of the bounded channel between the source and the workers.
    /// The source is never read more than about <see cref="BufferSize"/> + <see cref="ParallelWorkers"/> records ahead of the sink.
    /// </summary>
    public int BufferSize { get; }

    /// <summary>How many records run at the same time, each worker on its own machine instance (seed option <c>parallel_workers</c>).</summary>
    public int ParallelWorkers { get; }

    /// <summary>What happens to a new record when the buffer is full (seed option <c>backpressure</c>).</summary>
    public BackpressureMode Backpressure { get; }

    /// <summary>
    /// When true (the default) the sink sees results in source order even with several workers; a slow record then
    /// holds back at most <see cref="ParallelWorkers"/> finished ones. When false the sink sees results as they finish.
    /// </summary>
    public bool PreserveOrder { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"BufferSize={BufferSize}, ParallelWorkers={ParallelWorkers}, Backpressure={Backpressure}, PreserveOrder={PreserveOrder}";
}
