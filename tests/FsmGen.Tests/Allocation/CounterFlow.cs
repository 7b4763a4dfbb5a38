namespace FsmGen.Tests.Allocation;

/// <summary>A data-flow machine whose own methods allocate nothing, so any allocation measured is the executor's.</summary>
[StateMachine]
public partial class CounterFlow
{
    [State(Start = true)]
    [Transition(To = nameof(Odd), When = nameof(IsOdd), Priority = 1)]
    [Transition(To = nameof(Even))]
    private static int Read(int value) => value + 1;

    [State]
    [Transition(To = nameof(Done), Transform = nameof(Triple))]
    private static int Odd(int value) => value;

    [State]
    [Transition(To = nameof(Done))]
    private static int Even(int value) => value / 2;

    [State(End = true)]
    private static void Done(int value)
    {
    }

    private static bool IsOdd(int value) => (value & 1) == 1;

    private static int Triple(int value) => value * 3;
}

/// <summary>The same shape with ValueTask members that complete synchronously.</summary>
[StateMachine]
public partial class AsyncCounterFlow
{
    [State(Start = true)]
    [Transition(To = nameof(Done), When = nameof(IsPositiveAsync))]
    [Transition(To = nameof(Negative))]
    private static ValueTask<int> Read(int value, CancellationToken ct) => new(value + 1);

    [State(End = true)]
    private static void Done(int value)
    {
    }

    [State(End = true, EmitOutput = false)]
    private static void Negative(int value)
    {
    }

    private static ValueTask<bool> IsPositiveAsync(int value, CancellationToken ct) => new(value > 0);
}
