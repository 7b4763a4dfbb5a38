namespace FsmGen.Tests.EventDriven;

public enum GateTrigger
{
    Start,
    Stop,
}

/// <summary>
/// Every guard and action is async and logs its name; each completes synchronously unless a test holds it with a gate
/// (<see cref="Hold"/>), so FireAsync can be made to pend at any point of a transition.
/// Idle --Start [IsReadyAsync]--> Busy, else --Start [IsSpareAsync]--> Spare; Idle exits through LeaveIdleAsync;
/// Busy --Stop / RecordAsync--> Idle (transition action), Busy exits through LeaveBusyAsync.
/// </summary>
[StateMachine(Triggers = typeof(GateTrigger))]
public partial class GatedMachine
{
    private readonly Dictionary<string, TaskCompletionSource<bool>> _gates = new();

    public List<string> Log { get; } = new();

    /// <summary>Off for the allocation test: the log's string concatenations allocate, the machine must not.</summary>
    public bool Logging { get; set; } = true;

    public bool Ready { get; set; } = true;

    public bool SpareReady { get; set; }

    /// <summary>The member with this name fails (synchronously, before returning a task) when called.</summary>
    public string? Throws { get; set; }

    /// <summary>Makes the named member pend until the returned source is completed (a guard's value is the result).</summary>
    public TaskCompletionSource<bool> Hold(string member)
    {
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _gates[member] = gate;
        return gate;
    }

    [State(Start = true, OnExit = nameof(LeaveIdleAsync))]
    [Transition(To = nameof(Busy), On = GateTrigger.Start, When = nameof(IsReadyAsync))]
    [Transition(To = nameof(Spare), On = GateTrigger.Start, When = nameof(IsSpareAsync))]
    private ValueTask Idle() => Act(nameof(Idle));

    [State(OnExit = nameof(LeaveBusyAsync))]
    [Transition(To = nameof(Idle), On = GateTrigger.Stop, Transform = nameof(RecordAsync))]
    private ValueTask Busy() => Act(nameof(Busy));

    [State]
    [Transition(To = nameof(Idle), On = GateTrigger.Stop)]
    private void Spare()
    {
        if (Logging) Log.Add(nameof(Spare));
    }

    private ValueTask<bool> IsReadyAsync() => Check(nameof(IsReadyAsync), Ready);

    private ValueTask<bool> IsSpareAsync() => Check(nameof(IsSpareAsync), SpareReady);

    private ValueTask LeaveIdleAsync() => Act(nameof(LeaveIdleAsync));

    private ValueTask LeaveBusyAsync() => Act(nameof(LeaveBusyAsync));

    private Task RecordAsync() => Act(nameof(RecordAsync)).AsTask();

    partial void OnTransition(StateId from, StateId to, GateTrigger trigger)
    {
        if (Logging) Log.Add(from + "->" + to);
    }

    private ValueTask Act(string name)
    {
        if (Throws == name) throw new InvalidOperationException(name + " failed");
        if (Logging) Log.Add(name);
        return _gates.Remove(name, out var gate) ? new ValueTask(gate.Task) : default;
    }

    private ValueTask<bool> Check(string name, bool value)
    {
        if (Throws == name) throw new InvalidOperationException(name + " failed");
        if (Logging) Log.Add(name);
        return _gates.Remove(name, out var gate) ? new ValueTask<bool>(gate.Task) : new ValueTask<bool>(value);
    }
}
