namespace FsmGen;

/// <summary>
/// An outgoing transition of the <see cref="StateAttribute"/> method it decorates.
/// Transitions are tried by <see cref="Priority"/> (higher first), then in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
public sealed class TransitionAttribute : Attribute
{
    /// <summary>The target state, by <c>nameof</c>. With <see cref="Push"/>, the state the machine returns to after the subflow.</summary>
    public string? To { get; set; }

    /// <summary>A guard method, by <c>nameof</c>, returning <c>bool</c> (or <c>ValueTask&lt;bool&gt;</c>/<c>Task&lt;bool&gt;</c>); the transition is taken only when it is true.</summary>
    public string? When { get; set; }

    /// <summary>Event-driven: the trigger (a value of the machine's trigger enum) that fires this transition.</summary>
    public object? On { get; set; }

    /// <summary>Higher priorities are tried first; equal priorities keep declaration order.</summary>
    public int Priority { get; set; }

    /// <summary>
    /// A method, by <c>nameof</c>, run on the arc. Data-flow: maps the record (<c>T M(T)</c>). Event-driven: an action (<c>void M()</c>).
    /// </summary>
    public string? Transform { get; set; }

    /// <summary>Data-flow: taken only when the source state throws (failure routing) instead of on success.</summary>
    public bool OnFailure { get; set; }

    /// <summary>With <see cref="OnFailure"/>: taken only when the error is of this exception type (or derives from it).</summary>
    public Type? Exception { get; set; }

    /// <summary>Data-flow: another <see cref="StateMachineAttribute"/> class run on the record before the machine continues at <see cref="To"/>.</summary>
    public Type? Push { get; set; }
}
