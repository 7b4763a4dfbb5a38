namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Marks a filter of a <c>[Pattern("FileProcessing")]</c> class: <c>bool M(T record)</c> (or <c>Task&lt;bool&gt;</c> /
/// <c>ValueTask&lt;bool&gt;</c>, optionally with a trailing <see cref="CancellationToken"/>). A record that a filter returns
/// false for ends in the <c>Filtered</c> state and is counted in <see cref="FileProcessingResult.Filtered"/>. Filters
/// run after validation, in declaration order; all must pass.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FilterAttribute : Attribute
{
}

/// <summary>
/// Marks a validation of a <c>[Pattern("FileProcessing")]</c> class: <c>bool M(T record)</c> (or async, as for
/// <see cref="FilterAttribute"/>). A record that a validation returns false for ends in the <c>Invalid</c> state and is
/// counted as an error at the <see cref="ProcessingStage.Validate"/> stage, with its line and the reason. Validations
/// run first, in declaration order; the first that fails decides the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ValidateAttribute : Attribute
{
    /// <summary>The field (column) the rule is about, reported as <see cref="FileProcessingError.Field"/>; none by default.</summary>
    public string? Field { get; set; }

    /// <summary>The reason reported when the rule fails; by default <c>validation 'MethodName' failed</c>.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// Marks a transformation of a <c>[Pattern("FileProcessing")]</c> class: <c>T M(T record)</c> (or
/// <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c>, optionally with a trailing <see cref="CancellationToken"/>), which returns the
/// record to go on with (typically <c>record with { ... }</c>). Transformations run after the filters, in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TransformAttribute : Attribute
{
}

/// <summary>
/// Marks an aggregation of a <c>[Pattern("FileProcessing")]</c> class: <c>void M(T record)</c> (or <c>Task</c> /
/// <c>ValueTask</c>, optionally with a trailing <see cref="CancellationToken"/>). It sees every record that is about to be
/// written, after the transformations, and typically keeps a running total in a field of the class; the record itself is
/// written unchanged. In <see cref="ProcessingMode.Batch"/> mode with more than one parallel chunk, aggregations run on
/// several threads at once: make them thread-safe (for example with <see cref="Interlocked"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AggregateAttribute : Attribute
{
}
