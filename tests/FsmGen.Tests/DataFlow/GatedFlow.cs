namespace FsmGen.Tests.DataFlow;

/// <summary>
/// A data-flow machine whose async members complete synchronously unless a test holds one with a gate
/// (<see cref="Hold"/>), so RunAsync can be made to pend at any kind of await: a body, a guard, an exit, a transform.
/// Load (exit LeaveAsync) -> Urgent [IsUrgentAsync] | Normal / StampAsync; Urgent -> Done; Normal -> Done, on failure
/// -> Failed.
/// </summary>
[StateMachine]
public partial class GatedFlow
{
    private readonly Dictionary<string, TaskCompletionSource<bool>> _gates = new();

    /// <summary>The member with this name throws (synchronously, before returning a task) when called.</summary>
    public string? Throws { get; set; }

    public TaskCompletionSource<bool> Hold(string member)
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates[member] = gate;
        return gate;
    }

    [State(Start = true, OnExit = nameof(LeaveAsync))]
    [Transition(To = nameof(Urgent), When = nameof(IsUrgentAsync))]
    [Transition(To = nameof(Normal), Transform = nameof(StampAsync))]
    private ValueTask<Ticket> Load(Ticket t) => Visit(nameof(Load), t);

    [State]
    [Transition(To = nameof(Done))]
    private ValueTask<Ticket> Urgent(Ticket t) => Visit(nameof(Urgent), t);

    [State]
    [Transition(To = nameof(Done))]
    [Transition(To = nameof(Failed), OnFailure = true)]
    private ValueTask<Ticket> Normal(Ticket t) => Visit(nameof(Normal), t);

    [State(End = true)]
    private static Ticket Done(Ticket t) => t.Visit(nameof(Done));

    [State(End = true, EmitOutput = false)]
    private static Ticket Failed(Ticket t) => t.Visit(nameof(Failed));

    private async ValueTask<bool> IsUrgentAsync(Ticket t) => (await Visit(nameof(IsUrgentAsync), t)).Priority >= 5;

    private ValueTask LeaveAsync(Ticket t) => new(Visit(nameof(LeaveAsync), t).AsTask());

    private Task<Ticket> StampAsync(Ticket t) => Visit(nameof(StampAsync), t).AsTask();

    private ValueTask<Ticket> Visit(string member, Ticket t)
    {
        if (Throws == member) throw new InvalidOperationException(member + " failed");
        var visited = t.Visit(member);
        if (!_gates.Remove(member, out var gate)) return new ValueTask<Ticket>(visited);
        return new ValueTask<Ticket>(gate.Task.ContinueWith(held => { held.GetAwaiter().GetResult(); return visited; }, TaskScheduler.Default));
    }
}
