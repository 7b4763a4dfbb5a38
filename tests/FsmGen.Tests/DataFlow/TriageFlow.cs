namespace FsmGen.Tests.DataFlow;

/// <summary>Guards, priorities, declaration order and an arc transform.</summary>
[StateMachine(History = 4)]
public partial class TriageFlow
{
    public List<string> Hooks { get; } = new();

    [State(Start = true)]
    [Transition(To = nameof(Urgent), When = nameof(IsHigh), Priority = 10)]
    [Transition(To = nameof(Normal), When = nameof(IsMedium))]
    [Transition(To = nameof(Low), When = nameof(IsAny))]
    [Transition(To = nameof(Urgent), When = nameof(IsMedium), Priority = 5)]
    private static Ticket Intake(Ticket t) => t.Visit("Intake");

    [State]
    [Transition(To = nameof(Done), Transform = nameof(Double))]
    private static Ticket Urgent(Ticket t) => t.Visit("Urgent");

    [State]
    [Transition(To = nameof(Done))]
    private static Ticket Normal(Ticket t) => t.Visit("Normal");

    [State]
    [Transition(To = nameof(Done))]
    private static Ticket Low(Ticket t) => t.Visit("Low");

    [State(End = true)]
    private static Ticket Done(Ticket t) => t.Visit("Done");

    private static bool IsHigh(Ticket t) => t.Priority >= 8;

    private static bool IsMedium(Ticket t) => t.Priority >= 4;

    private static bool IsAny(Ticket t) => t.Priority >= 0;

    private static Ticket Double(Ticket t) => t with { Amount = t.Amount * 2 };

    partial void OnEnter(StateId state) => Hooks.Add("enter " + state);

    partial void OnExit(StateId state) => Hooks.Add("exit " + state);

    partial void OnTransition(StateId from, StateId to) => Hooks.Add(from + "->" + to);
}
