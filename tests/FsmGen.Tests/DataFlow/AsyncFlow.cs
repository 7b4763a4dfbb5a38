namespace FsmGen.Tests.DataFlow;

/// <summary>Async states and guards (Task and ValueTask, with and without CancellationToken), a subflow push, and a guarded loop.</summary>
[StateMachine]
public partial class AsyncFlow
{
    public TaskCompletionSource? Gate { get; set; }

    [State(Start = true)]
    [Transition(To = nameof(Enrich), Push = typeof(TaxSubflow))]
    private async ValueTask<Ticket> Load(Ticket t, CancellationToken ct)
    {
        if (Gate is not null) await Gate.Task.WaitAsync(ct);
        return t.Visit("Load");
    }

    [State]
    [Transition(To = nameof(Enrich), When = nameof(NeedsMoreAsync))]
    [Transition(To = nameof(Done))]
    private static Task<Ticket> Enrich(Ticket t) => Task.FromResult(t.Visit("Enrich") with { Priority = t.Priority + 1 });

    [State(End = true)]
    private static void Done(Ticket t)
    {
    }

    private static ValueTask<bool> NeedsMoreAsync(Ticket t, CancellationToken ct) => new(t.Priority < 3);
}

/// <summary>Pushed by <see cref="AsyncFlow"/>: adds tax, then returns.</summary>
[StateMachine]
public partial class TaxSubflow
{
    [State(Start = true)]
    [Transition(To = nameof(Taxed))]
    private static Ticket AddTax(Ticket t) => t.Amount < 0 ? throw new InvalidOperationException("negative tax base") : t.Visit("Tax") with { Amount = t.Amount * 1.2m };

    [State(End = true)]
    private static void Taxed(Ticket t)
    {
    }
}
