namespace FsmGen;

/// <summary>
/// Marks a partial class as a state machine whose executor is generated at compile time.
/// Without <see cref="Triggers"/> the machine is data-flow (a record flows from the start state to an end state);
/// with it the machine is event-driven (<c>Fire(trigger)</c> moves between states).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class StateMachineAttribute : Attribute
{
    /// <summary>The enum whose values are the machine's triggers; makes the machine event-driven.</summary>
    public Type? Triggers { get; set; }

    /// <summary>What <c>Fire</c> does with a trigger that no state on the current path handles.</summary>
    public TriggerPolicy UnknownTrigger { get; set; } = TriggerPolicy.Throw;

    /// <summary>What <c>Fire</c> does when the trigger is handled but every guard is false.</summary>
    public TriggerPolicy GuardFailure { get; set; } = TriggerPolicy.Throw;

    /// <summary>Capacity of the bounded execution history; 0 (the default) emits no history code at all.</summary>
    public int History { get; set; }

    /// <summary>Data-flow only: the number of states one run may visit before it fails, guarding against guarded loops that never exit.</summary>
    public int MaxSteps { get; set; } = 10_000;
}
