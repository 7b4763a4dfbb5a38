namespace FsmGen;

/// <summary>Implemented by every generated data-flow machine; lets batch and stream execution run any of them.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <typeparam name="TData">The record type that flows through the machine.</typeparam>
public interface IDataFlowMachine<TState, TData>
    where TState : struct, Enum
{
    /// <summary>Runs one record from the start state to an end state.</summary>
    /// <param name="input">The record.</param>
    /// <param name="cancellationToken">
    /// Checked between states by machines with async members (and passed to members that take it); a machine whose members
    /// are all synchronous checks it once, before the run starts.
    /// </param>
    ValueTask<FlowResult<TState, TData>> RunAsync(TData input, CancellationToken cancellationToken = default);
}
