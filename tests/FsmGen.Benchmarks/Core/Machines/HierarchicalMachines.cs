using System.Runtime.CompilerServices;

namespace FsmGen.Benchmarks.Core.Machines;

/// <summary>The triggers of the hierarchical case.</summary>
public enum ZoneTrigger
{
    /// <summary>A1 (in A, in Root) to B1 (in B, in Root): exits A1 and A, enters B and B1.</summary>
    Cross,

    /// <summary>Handled by B for its sub-state B1: exits B1 and B, enters A and A1.</summary>
    Back,
}

/// <summary>The states of the hand-written hierarchy.</summary>
public enum ZoneState
{
    Root,
    A,
    A1,
    B,
    B1,
}

/// <summary>
/// Case 3, generated: Root contains A and B; A contains A1, B contains B1. Cross (declared on A1) and Back (declared on
/// B, inherited by B1) each exit two levels and enter two. Entry actions count entries; exit actions count exits.
/// </summary>
[StateMachine(Triggers = typeof(ZoneTrigger))]
public partial class ZoneMachine
{
    public int Entries;

    public int Exits;

    [State]
    private void Root() => Entries++;

    [State(Parent = nameof(Root), OnExit = nameof(LeaveA))]
    private void A() => Entries++;

    [State(Start = true, Parent = nameof(A), OnExit = nameof(LeaveA1))]
    [Transition(To = nameof(B1), On = ZoneTrigger.Cross)]
    private void A1() => Entries++;

    [State(Parent = nameof(Root), OnExit = nameof(LeaveB))]
    [Transition(To = nameof(A1), On = ZoneTrigger.Back)]
    private void B() => Entries++;

    [State(Parent = nameof(B), OnExit = nameof(LeaveB1))]
    private void B1() => Entries++;

    private void LeaveA() => Exits++;

    private void LeaveA1() => Exits++;

    private void LeaveB() => Exits++;

    private void LeaveB1() => Exits++;
}

/// <summary>Case 3, hand-written: the same hierarchy, with every exit and entry written out in an inlined switch.</summary>
public sealed class HandWrittenZone
{
    public int Entries;
    public int Exits;
    private ZoneState _current = ZoneState.A1;

    public ZoneState Current => _current;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Fire(ZoneTrigger trigger)
    {
        switch (_current)
        {
            case ZoneState.A1:
                if (trigger == ZoneTrigger.Cross)
                {
                    Exits++; // exit A1
                    Exits++; // exit A
                    _current = ZoneState.B1;
                    Entries++; // enter B
                    Entries++; // enter B1
                    return true;
                }

                break;
            case ZoneState.B:
            case ZoneState.B1:
                if (trigger == ZoneTrigger.Back)
                {
                    if (_current == ZoneState.B1) Exits++; // exit B1
                    Exits++; // exit B
                    _current = ZoneState.A1;
                    Entries++; // enter A
                    Entries++; // enter A1
                    return true;
                }

                break;
        }

        return Unhandled(trigger);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Unhandled(ZoneTrigger trigger) => throw new InvalidOperationException("Cannot handle " + trigger + " in " + _current + ".");
}
