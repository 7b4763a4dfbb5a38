namespace FsmGen;

/// <summary>Runs an asynchronous stream of records through any data-flow machine and hands each result to a sink, with bounded memory.</summary>
public static class FlowStream
{
    /// <summary>Runs every record of <paramref name="source"/> and hands each result to <paramref name="sink"/>.</summary>
    /// <inheritdoc cref="RunAsync{TState, TData}(IAsyncEnumerable{TData}, Func{IDataFlowMachine{TState, TData}}, Func{FlowResult{TState, TData}, CancellationToken, ValueTask}, StreamOptions, Action{TData}?, CancellationToken)" />
    public static Task<StreamSummary> RunAsync<TState, TData>(
        IAsyncEnumerable<TData> source,
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        Func<FlowResult<TState, TData>, CancellationToken, ValueTask> sink,
        StreamOptions options,
        CancellationToken cancellationToken)
        where TState : struct, Enum
        => RunAsync(source, machineFactory, sink, options, onDropped: null, cancellationToken);

    /// <summary>Runs every record of <paramref name="source"/> and hands each result to <paramref name="sink"/>.</summary>
    /// <typeparam name="TState">The machine's generated state enum.</typeparam>
    /// <typeparam name="TData">The record type that flows through the machine.</typeparam>
    /// <param name="source">The records; read by one reader, at most about <see cref="StreamOptions.BufferSize"/> + <see cref="StreamOptions.ParallelWorkers"/> ahead of the sink.</param>
    /// <param name="machineFactory">Called once per worker, so a machine is never used by two workers at once.</param>
    /// <param name="sink">
    /// Receives every result, failures included, one call at a time (never concurrently), in source order when
    /// <see cref="StreamOptions.PreserveOrder"/> is set. A slow sink slows the whole stream down.
    /// </param>
    /// <param name="options">Buffer size, workers, backpressure and ordering.</param>
    /// <param name="onDropped">
    /// Told about every record that backpressure drops, on the source-reading task, before the next record is read.
    /// Drops are counted in <see cref="StreamSummary.Dropped"/> whether or not this is given.
    /// </param>
    /// <param name="cancellationToken">Stops the run: the source, the workers and the sink.</param>
    /// <returns>The totals; <see cref="StreamSummary.Read"/> equals <see cref="StreamSummary.Succeeded"/> + <see cref="StreamSummary.Failed"/> + <see cref="StreamSummary.Dropped"/>.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    /// <exception cref="StreamBufferFullException">The buffer was full and <see cref="StreamOptions.Backpressure"/> is <see cref="BackpressureMode.Fail"/>.</exception>
    /// <remarks>
    /// A record that fails does not stop the run; it reaches the sink with its error. An exception from the source,
    /// the sink, <paramref name="onDropped"/> or the factory stops the run and is rethrown. Whatever stops the run,
    /// the source enumerator is disposed and every worker and the sink have returned before this method completes.
    /// Machines are not disposed.
    /// </remarks>
    public static Task<StreamSummary> RunAsync<TState, TData>(
        IAsyncEnumerable<TData> source,
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        Func<FlowResult<TState, TData>, CancellationToken, ValueTask> sink,
        StreamOptions options,
        Action<TData>? onDropped,
        CancellationToken cancellationToken = default)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(machineFactory);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        return new StreamRun<TState, TData>(source, machineFactory, sink, options, onDropped).RunAsync(cancellationToken);
    }
}
