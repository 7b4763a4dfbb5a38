namespace FsmGen.Tests.EventDriven;

public enum TurnstileTrigger
{
    Coin,
    Push,
    Kick,
}

/// <summary>Flat machine with Ignore policies, and a guard that can be false.</summary>
[StateMachine(Triggers = typeof(TurnstileTrigger), UnknownTrigger = TriggerPolicy.Ignore, GuardFailure = TriggerPolicy.Ignore)]
public partial class TurnstileMachine
{
    public int Entries { get; private set; }

    public bool Powered { get; set; } = true;

    [State(Start = true)]
    [Transition(To = nameof(Unlocked), On = TurnstileTrigger.Coin, When = nameof(IsPowered))]
    private void Locked()
    {
    }

    [State]
    [Transition(To = nameof(Locked), On = TurnstileTrigger.Push)]
    private void Unlocked() => Entries++;

    private bool IsPowered() => Powered;
}

/// <summary>Async guard and entry action: only FireAsync is generated.</summary>
[StateMachine(Triggers = typeof(TurnstileTrigger))]
public partial class AsyncTurnstile
{
    public TaskCompletionSource? Gate { get; set; }

    public int Entries { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(Unlocked), On = TurnstileTrigger.Coin, When = nameof(AcceptCoinAsync))]
    private static void Locked()
    {
    }

    [State]
    [Transition(To = nameof(Locked), On = TurnstileTrigger.Push)]
    private async Task Unlocked(CancellationToken ct)
    {
        if (Gate is not null) await Gate.Task.WaitAsync(ct);
        Entries++;
    }

    private static ValueTask<bool> AcceptCoinAsync(CancellationToken ct) => new(true);
}
