namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Names (with <c>nameof</c>) a method of the same class that undoes what this state did. When a later state of the same
/// data-flow run fails without a failure route, the compensations of every completed state run, most recent first.
/// The method returns <c>void</c>, <c>Task</c> or <c>ValueTask</c> and takes the record and/or a
/// <see cref="CancellationToken"/> (e.g. <c>void M(T)</c>, <c>ValueTask M(T, CancellationToken)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CompensateAttribute : Attribute
{
    /// <summary>Names the compensating method.</summary>
    /// <param name="methodName">The method's name, by <c>nameof</c>.</param>
    public CompensateAttribute(string methodName) => MethodName = methodName;

    /// <summary>The compensating method's name.</summary>
    public string MethodName { get; }
}
