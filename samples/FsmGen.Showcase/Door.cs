using FsmGen;

namespace FsmGen.Showcase;

/// <summary>What can happen to a door.</summary>
public enum DoorTrigger
{
    /// <summary>Open it.</summary>
    Open,

    /// <summary>Close it.</summary>
    Close,

    /// <summary>Lock it (needs the key).</summary>
    Lock,

    /// <summary>Unlock it.</summary>
    Unlock,
}

// <door>
/// <summary>An event-driven machine with a guard and a composite state.</summary>
[StateMachine(Triggers = typeof(DoorTrigger))]
public partial class Door
{
    /// <summary>Whether the holder has the key; the Lock transition's guard reads it.</summary>
    public bool HasKey { get; set; }

    [State(Start = true)]
    [Transition(To = nameof(Opened), On = DoorTrigger.Open)]
    [Transition(To = nameof(Locked), On = DoorTrigger.Lock, When = nameof(KeyPresent))]
    private void Closed() => Console.WriteLine("  door closed");

    [State]
    [Transition(To = nameof(Closed), On = DoorTrigger.Close)]
    private void Opened() => Console.WriteLine("  door opened");

    [State(OnExit = nameof(LeaveLocked))]
    [Transition(To = nameof(Closed), On = DoorTrigger.Unlock)]
    private void Locked() => Console.WriteLine("  door locked");

    private void LeaveLocked() => Console.WriteLine("  (unlocking)");

    private bool KeyPresent() => HasKey;
}
// </door>
