namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Where a fallback result comes from.</summary>
public enum FallbackKind
{
    /// <summary>A fixed value.</summary>
    Value,

    /// <summary>A value computed from the error.</summary>
    Function,

    /// <summary>An alternative operation, run once.</summary>
    Operation,
}
