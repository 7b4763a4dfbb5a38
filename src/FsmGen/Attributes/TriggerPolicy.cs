namespace FsmGen;

/// <summary>How an event-driven machine answers a trigger it cannot act on.</summary>
public enum TriggerPolicy
{
    /// <summary><c>Fire</c> throws <see cref="InvalidOperationException"/> naming the state and trigger.</summary>
    Throw = 0,

    /// <summary><c>Fire</c> leaves the machine where it is and returns.</summary>
    Ignore = 1,
}
