namespace FsmGen.Tests.DataFlow;

/// <summary>A cycle (Check -> Again -> Check) bounded by MaxSteps, and a state that throws on negative input.</summary>
[StateMachine(MaxSteps = 5)]
public partial class LoopFlow
{
    [State(Start = true)]
    [Transition(To = nameof(Done), When = nameof(IsFinished))]
    [Transition(To = nameof(Again))]
    private static int Check(int n) => n < 0 ? throw new ArgumentOutOfRangeException(nameof(n), n, "negative input") : n;

    [State]
    [Transition(To = nameof(Check))]
    private static int Again(int n) => n + 1;

    [State(End = true)]
    private static int Done(int n) => n;

    private static bool IsFinished(int n) => n >= 3;
}
