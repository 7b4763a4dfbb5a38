namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Names (with <c>nameof</c>) a method of the same class that undoes what this state did, run in reverse order when a
/// later state of the same run fails.
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
