using System.Runtime.CompilerServices;

namespace FsmGen.Benchmarks.Core.Machines;

/// <summary>The triggers of the 4-state cycle: Idle -Start-> Running -Pause-> Paused -Stop-> Stopped -Reset-> Idle.</summary>
public enum CycleTrigger
{
    Start,
    Pause,
    Stop,
    Reset,
}

/// <summary>The states of the hand-written cycle, in the generated machine's order.</summary>
public enum CycleState
{
    Idle,
    Running,
    Paused,
    Stopped,
}

/// <summary>
/// Case 1, generated: a flat 4-state cycle. Start is guarded by a mutable field; every entry action increments a counter
/// (the same work the Stateless and hand-written versions do).
/// </summary>
[StateMachine(Triggers = typeof(CycleTrigger))]
public partial class CycleMachine
{
    /// <summary>Read by the Start guard; a field so the JIT cannot fold it.</summary>
    public bool Enabled = true;

    /// <summary>Incremented by every entry action.</summary>
    public int Entries;

    [State(Start = true)]
    [Transition(To = nameof(Running), On = CycleTrigger.Start, When = nameof(CanStart))]
    private void Idle() => Entries++;

    [State]
    [Transition(To = nameof(Paused), On = CycleTrigger.Pause)]
    private void Running() => Entries++;

    [State]
    [Transition(To = nameof(Stopped), On = CycleTrigger.Stop)]
    private void Paused() => Entries++;

    [State]
    [Transition(To = nameof(Idle), On = CycleTrigger.Reset)]
    private void Stopped() => Entries++;

    private bool CanStart() => Enabled;
}

/// <summary>Case 1, hand-written: the same cycle as an inlined switch (the physical limit).</summary>
public sealed class HandWrittenCycle
{
    public bool Enabled = true;
    public int Entries;
    private CycleState _current = CycleState.Idle;

    public CycleState Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Fire(CycleTrigger trigger)
    {
        switch (_current)
        {
            case CycleState.Idle:
                if (trigger == CycleTrigger.Start)
                {
                    if (!Enabled) return GuardFailed(trigger);
                    _current = CycleState.Running;
                    Entries++;
                    return true;
                }

                break;
            case CycleState.Running:
                if (trigger == CycleTrigger.Pause)
                {
                    _current = CycleState.Paused;
                    Entries++;
                    return true;
                }

                break;
            case CycleState.Paused:
                if (trigger == CycleTrigger.Stop)
                {
                    _current = CycleState.Stopped;
                    Entries++;
                    return true;
                }

                break;
            case CycleState.Stopped:
                if (trigger == CycleTrigger.Reset)
                {
                    _current = CycleState.Idle;
                    Entries++;
                    return true;
                }

                break;
        }

        return Unhandled(trigger);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Unhandled(CycleTrigger trigger) => throw new InvalidOperationException("Cannot handle " + trigger + " in " + _current + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool GuardFailed(CycleTrigger trigger) => throw new InvalidOperationException("Guard of " + trigger + " in " + _current + " was false.");
}

/// <summary>The triggers of the guard case.</summary>
public enum GateTrigger
{
    Coin,
    Push,
}

/// <summary>The states of the hand-written gate.</summary>
public enum GateState
{
    Locked,
    Unlocked,
}

/// <summary>Case 2, generated: Coin is guarded by <see cref="Powered"/>, which the benchmark keeps false; a failed guard is ignored.</summary>
[StateMachine(Triggers = typeof(GateTrigger), GuardFailure = TriggerPolicy.Ignore)]
public partial class GateMachine
{
    public bool Powered;

    public int Entries;

    [State(Start = true)]
    [Transition(To = nameof(Unlocked), On = GateTrigger.Coin, When = nameof(IsPowered))]
    private void Locked() => Entries++;

    [State]
    [Transition(To = nameof(Locked), On = GateTrigger.Push)]
    private void Unlocked() => Entries++;

    private bool IsPowered() => Powered;
}

/// <summary>Case 2, hand-written: the same gate, guard failure ignored.</summary>
public sealed class HandWrittenGate
{
    public bool Powered;
    public int Entries;
    private GateState _current = GateState.Locked;

    public GateState Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Fire(GateTrigger trigger)
    {
        switch (_current)
        {
            case GateState.Locked:
                if (trigger == GateTrigger.Coin)
                {
                    if (!Powered) return false;
                    _current = GateState.Unlocked;
                    Entries++;
                    return true;
                }

                break;
            case GateState.Unlocked:
                if (trigger == GateTrigger.Push)
                {
                    _current = GateState.Locked;
                    Entries++;
                    return true;
                }

                break;
        }

        return Unhandled(trigger);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanFire(GateTrigger trigger) => _current switch
    {
        GateState.Locked => trigger == GateTrigger.Coin && Powered,
        GateState.Unlocked => trigger == GateTrigger.Push,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Unhandled(GateTrigger trigger) => throw new InvalidOperationException("Cannot handle " + trigger + " in " + _current + ".");
}
