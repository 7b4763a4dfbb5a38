namespace FsmGen.Tests.DataFlow;

/// <summary>Failure routing by exception type, failure skipping, and a state that runs even after a failure.</summary>
[StateMachine]
public partial class PaymentFlow
{
    public List<string> Errors { get; } = new();

    [State(Start = true)]
    [Transition(To = nameof(Charge))]
    private static Ticket Validate(Ticket t) => t.Amount < 0 ? throw new ArgumentException("negative amount") : t.Visit("Validate");

    [State]
    [Transition(To = nameof(Receipt))]
    [Transition(To = nameof(Declined), OnFailure = true, Exception = typeof(InvalidOperationException))]
    private static Ticket Charge(Ticket t) => t.Amount > 1000 ? throw new InvalidOperationException("card declined") : t.Visit("Charge");

    [State]
    [Transition(To = nameof(Audit))]
    private static Ticket Receipt(Ticket t) => t.Visit("Receipt");

    [State(RunOnFailure = true)]
    [Transition(To = nameof(Done))]
    private static Ticket Audit(Ticket t) => t.Visit("Audit");

    [State(End = true)]
    private static Ticket Done(Ticket t) => t.Visit("Done");

    [State(End = true, EmitOutput = false)]
    private static Ticket Declined(Ticket t) => t.Visit("Declined");

    partial void OnError(StateId state, Exception error) => Errors.Add(state + ": " + error.Message);
}
