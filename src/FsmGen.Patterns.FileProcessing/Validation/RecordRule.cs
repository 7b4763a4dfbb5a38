namespace FsmGen.Patterns.FileProcessing;

/// <summary>A validation rule over a whole record: a named predicate that valid records satisfy.</summary>
public sealed class RecordRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">Names the rule in error messages, such as "end date after start date".</param>
    /// <param name="isValid">Returns true for valid records.</param>
    public RecordRule(string name, Func<Record, bool> isValid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(isValid);
        Name = name;
        IsValid = isValid;
    }

    /// <summary>The rule's name, used in error messages.</summary>
    public string Name { get; }

    /// <summary>The predicate: true for valid records.</summary>
    public Func<Record, bool> IsValid { get; }
}
