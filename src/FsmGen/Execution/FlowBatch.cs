namespace FsmGen;

/// <summary>Runs a list of records through any data-flow machine in batches, optionally several batches at once.</summary>
public static class FlowBatch
{
    /// <summary>Runs every record; each worker gets its own machine from <paramref name="machineFactory"/>.</summary>
    /// <inheritdoc cref="RunAsync{TState, TData}(Func{IDataFlowMachine{TState, TData}}, IReadOnlyList{TData}, BatchOptions, IProgress{BatchProgress}?, CancellationToken)" />
    public static Task<BatchResult<TState, TData>> RunAsync<TState, TData>(
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        IReadOnlyList<TData> inputs,
        BatchOptions options,
        CancellationToken cancellationToken)
        where TState : struct, Enum
        => RunAsync(machineFactory, inputs, options, progress: null, cancellationToken);

    /// <summary>Runs every record; each worker gets its own machine from <paramref name="machineFactory"/>.</summary>
    /// <typeparam name="TState">The machine's generated state enum.</typeparam>
    /// <typeparam name="TData">The record type that flows through the machine.</typeparam>
    /// <param name="machineFactory">Called once per worker, so a machine is never used by two workers at once.</param>
    /// <param name="inputs">The records; they are read, never changed.</param>
    /// <param name="options">Batch size and number of parallel workers.</param>
    /// <param name="progress">Told how many records have their outcome after each batch; called on a worker thread.</param>
    /// <param name="cancellationToken">Stops the run: no record starts after it is observed.</param>
    /// <returns>One outcome per input, in input order, failures included.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled; every worker has stopped when this is thrown.</exception>
    /// <remarks>
    /// A record that fails does not stop the run; its failure is in its result. The run stops early only when it is
    /// cancelled or the factory or <paramref name="progress"/> throws; that exception is rethrown after every worker ended.
    /// Machines are not disposed.
    /// </remarks>
    public static Task<BatchResult<TState, TData>> RunAsync<TState, TData>(
        Func<IDataFlowMachine<TState, TData>> machineFactory,
        IReadOnlyList<TData> inputs,
        BatchOptions options,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken = default)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machineFactory);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        return new BatchRun<TState, TData>(machineFactory, inputs, options, progress).RunAsync(cancellationToken);
    }

    /// <summary>Runs every record on one machine instance that every worker shares.</summary>
    /// <inheritdoc cref="RunAsync{TState, TData}(IDataFlowMachine{TState, TData}, IReadOnlyList{TData}, BatchOptions, IProgress{BatchProgress}?, CancellationToken)" />
    public static Task<BatchResult<TState, TData>> RunAsync<TState, TData>(
        IDataFlowMachine<TState, TData> machine,
        IReadOnlyList<TData> inputs,
        BatchOptions options,
        CancellationToken cancellationToken)
        where TState : struct, Enum
        => RunAsync(machine, inputs, options, progress: null, cancellationToken);

    /// <summary>Runs every record on one machine instance that every worker shares.</summary>
    /// <typeparam name="TState">The machine's generated state enum.</typeparam>
    /// <typeparam name="TData">The record type that flows through the machine.</typeparam>
    /// <param name="machine">Must be reentrant when <see cref="BatchOptions.ParallelWorkers"/> is above 1: workers call it concurrently.</param>
    /// <param name="inputs">The records; they are read, never changed.</param>
    /// <param name="options">Batch size and number of parallel workers.</param>
    /// <param name="progress">Told how many records have their outcome after each batch; called on a worker thread.</param>
    /// <param name="cancellationToken">Stops the run: no record starts after it is observed.</param>
    /// <returns>One outcome per input, in input order, failures included.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled; every worker has stopped when this is thrown.</exception>
    public static Task<BatchResult<TState, TData>> RunAsync<TState, TData>(
        IDataFlowMachine<TState, TData> machine,
        IReadOnlyList<TData> inputs,
        BatchOptions options,
        IProgress<BatchProgress>? progress,
        CancellationToken cancellationToken = default)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        return RunAsync(() => machine, inputs, options, progress, cancellationToken);
    }
}
