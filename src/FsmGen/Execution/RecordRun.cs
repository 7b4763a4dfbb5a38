namespace FsmGen;

/// <summary>Runs one record so that it always ends with exactly one <see cref="FlowResult{TState, TData}"/>.</summary>
internal static class RecordRun
{
    /// <summary>
    /// Runs <paramref name="input"/>. A machine that throws instead of reporting the failure in its result
    /// breaks its contract; the exception becomes that record's failed outcome so the rest of the run goes on.
    /// Cancellation of <paramref name="stopToken"/> still propagates.
    /// </summary>
    public static async ValueTask<FlowResult<TState, TData>> RunAsync<TState, TData>(
        IDataFlowMachine<TState, TData> machine, TData input, CancellationToken stopToken)
        where TState : struct, Enum
    {
        try
        {
            return await machine.RunAsync(input, stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            return new FlowResult<TState, TData>(
                finalState: default,
                data: input,
                emitted: false,
                error: failure,
                failedState: null,
                handledError: null,
                steps: 0);
        }
    }
}
