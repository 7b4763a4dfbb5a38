namespace FsmGen.Patterns.Etl;

/// <summary>
/// Marks a validation of a <c>[Pattern("Etl")]</c> class: <c>bool M(T record)</c> (or <c>Task&lt;bool&gt;</c> /
/// <c>ValueTask&lt;bool&gt;</c>, optionally with a trailing <see cref="CancellationToken"/>). A record that a validation
/// returns false for ends in the <c>Rejected</c> state: it is not loaded, and it is counted in
/// <see cref="EtlResult.Rejected"/> with its position, key and reason (in <see cref="EtlResult.Errors"/> with
/// <see cref="EtlConfig.RejectCountsAsError"/>). Validations run first, in declaration order; the first that fails decides
/// the reason. A validation that throws makes the record an error at the validate stage.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ValidateAttribute : Attribute
{
    /// <summary>The field (column) the rule is about, reported as <see cref="EtlError.Field"/>; none by default.</summary>
    public string? Field { get; set; }

    /// <summary>The reason reported when the rule fails; by default <c>validation 'MethodName' failed</c>.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// Marks a transformation of a <c>[Pattern("Etl")]</c> class: <c>T M(T record)</c> (or <c>Task&lt;T&gt;</c> /
/// <c>ValueTask&lt;T&gt;</c>, optionally with a trailing <see cref="CancellationToken"/>), which returns the record to go
/// on with (typically <c>record with { ... }</c>). Transformations run after the validations, in declaration order. One
/// that throws or returns null makes the record an error at the transform stage, naming the method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TransformAttribute : Attribute
{
}

/// <summary>
/// Marks an enrichment of a <c>[Pattern("Etl")]</c> class: <c>T M(T record)</c> (or async, as for
/// <see cref="TransformAttribute"/>), which returns the record with the data it adds (a lookup in a table the class
/// loaded, a computed field). Enrichments run after the transformations, in declaration order. One that throws or returns
/// null makes the record an error at the enrich stage, naming the method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EnrichAttribute : Attribute
{
}
