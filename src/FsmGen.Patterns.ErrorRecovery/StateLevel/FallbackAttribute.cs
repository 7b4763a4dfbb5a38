namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Names (with <c>nameof</c>) a method of the same class that produces the state's result when its body fails for
/// good; it takes the state's input (and optionally the <see cref="Exception"/>) and returns the state's result type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class FallbackAttribute : Attribute
{
    /// <summary>Names the fallback method.</summary>
    /// <param name="methodName">The method's name, by <c>nameof</c>.</param>
    public FallbackAttribute(string methodName) => MethodName = methodName;

    /// <summary>The fallback method's name.</summary>
    public string MethodName { get; }
}
