namespace FsmGen.Tests.Execution;

internal enum DoublerState
{
    Start,
    Doubled,
    Filtered,
    Rejected,
}

/// <summary>
/// Hand-written stand-in for a generated data-flow machine: doubles positive numbers (emitted), lets zero through
/// without emitting, and fails negative numbers the way generated machines do — in the result, not by throwing.
/// </summary>
internal sealed class DoublingMachine(MachineProbe probe) : IDataFlowMachine<DoublerState, int>
{
    private int _running;

    public async ValueTask<FlowResult<DoublerState, int>> RunAsync(int input, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _running) > 1)
        {
            probe.ReportReentrantCall();
        }

        probe.Enter();
        try
        {
            if (probe.BeforeRun is { } hook)
            {
                await hook(input, cancellationToken);
            }

            return Evaluate(input);
        }
        finally
        {
            probe.Exit();
            Interlocked.Decrement(ref _running);
        }
    }

    public static FlowResult<DoublerState, int> Evaluate(int input)
    {
        if (input < 0)
        {
            return new FlowResult<DoublerState, int>(
                finalState: DoublerState.Rejected,
                data: input,
                emitted: false,
                error: new ArgumentOutOfRangeException(nameof(input), input, "Negative numbers are rejected."),
                failedState: DoublerState.Start,
                handledError: null,
                steps: 1);
        }

        return new FlowResult<DoublerState, int>(
            finalState: input == 0 ? DoublerState.Filtered : DoublerState.Doubled,
            data: input * 2,
            emitted: input != 0,
            error: null,
            failedState: null,
            handledError: null,
            steps: 2);
    }
}
