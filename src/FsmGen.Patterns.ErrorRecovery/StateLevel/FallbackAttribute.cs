namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Names (with <c>nameof</c>) the <c>[State]</c> a data-flow run continues at when this state still fails after its
/// retries, deadline and circuit breaker: a failure route tried after the state's declared <c>OnFailure</c> routes.
/// <c>FlowResult.HandledError</c> keeps the exception. The generator reports FSM0034 when the name is not a state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class FallbackAttribute : Attribute
{
    /// <summary>Names the fallback state.</summary>
    /// <param name="methodName">The fallback state method's name, by <c>nameof</c>.</param>
    public FallbackAttribute(string methodName) => MethodName = methodName;

    /// <summary>The fallback state method's name.</summary>
    public string MethodName { get; }
}
