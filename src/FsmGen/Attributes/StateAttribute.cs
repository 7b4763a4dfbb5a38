namespace FsmGen;

/// <summary>
/// Marks a method of a <see cref="StateMachineAttribute"/> class as a state. The method body is what the state does:
/// in a data-flow machine it receives (and may return) the record; in an event-driven machine it is the entry action.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class StateAttribute : Attribute
{
    /// <summary>The state the machine starts in. Exactly one state per machine.</summary>
    public bool Start { get; set; }

    /// <summary>A final state: the run ends here. End states have no outgoing transitions.</summary>
    public bool End { get; set; }

    /// <summary>For end states: whether reaching this state emits the record as output (false for "rejected"/"filtered" ends).</summary>
    public bool EmitOutput { get; set; } = true;

    /// <summary>Data-flow: the state's body runs even after an earlier state failed (cleanup, audit).</summary>
    public bool RunOnFailure { get; set; }

    /// <summary>The enclosing (composite) state, by <c>nameof</c>; makes this a sub-state.</summary>
    public string? Parent { get; set; }

    /// <summary>A method, by <c>nameof</c>, run when the machine leaves this state.</summary>
    public string? OnExit { get; set; }
}
