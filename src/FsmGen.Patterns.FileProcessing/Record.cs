namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// One record of the dictionary route: field name to value. Field names are case-sensitive and keep the order in which
/// they were added, which is the column order of the output. The value types depend on the input format (see the README).
/// </summary>
public sealed class Record : Dictionary<string, object?>
{
    /// <summary>Creates an empty record.</summary>
    public Record()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates an empty record with room for <paramref name="capacity"/> fields.</summary>
    /// <param name="capacity">The expected number of fields.</param>
    public Record(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
    }

    /// <summary>Creates a record with the fields of <paramref name="fields"/>, in their order.</summary>
    /// <param name="fields">The fields to copy.</param>
    public Record(IEnumerable<KeyValuePair<string, object?>> fields)
        : base(fields, StringComparer.Ordinal)
    {
    }
}
