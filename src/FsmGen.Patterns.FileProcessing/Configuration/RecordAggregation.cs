namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// A per-record aggregation: a named function of one record. When a config has aggregations, each record that reaches
/// the aggregate stage is replaced by a summary record holding one field per aggregation, in the order they were added.
/// Aggregations do not reduce across records.
/// </summary>
public sealed class RecordAggregation
{
    /// <summary>Creates an aggregation.</summary>
    /// <param name="name">The field of the summary record.</param>
    /// <param name="compute">Computes the field's value from the record.</param>
    public RecordAggregation(string name, Func<Record, object?> compute)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(compute);
        Name = name;
        Compute = compute;
    }

    /// <summary>The field of the summary record.</summary>
    public string Name { get; }

    /// <summary>Computes the field's value from the record.</summary>
    public Func<Record, object?> Compute { get; }
}
