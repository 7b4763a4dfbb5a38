namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// What a valid record looks like: per-field rules (required, type, min, max, pattern) and record-level predicates.
/// A record that breaks any of them ends in the error state, with every broken rule in the reason.
/// </summary>
public sealed class ValidationSchema
{
    /// <summary>Creates a schema.</summary>
    /// <param name="fields">The field rules; each field name at most once.</param>
    /// <param name="rules">Record-level predicates, checked after the field rules.</param>
    /// <exception cref="ArgumentException">A field appears twice, or a field's <see cref="FieldRule.Min"/> is greater than its <see cref="FieldRule.Max"/>.</exception>
    public ValidationSchema(IEnumerable<FieldRule> fields, IEnumerable<RecordRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToArray();
        Rules = rules?.ToArray() ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
            if (!seen.Add(field.Name))
            {
                throw new ArgumentException($"ValidationSchema: field '{field.Name}' has two rules; merge them into one FieldRule.", nameof(fields));
            }

            if (field.Min > field.Max)
            {
                throw new ArgumentException($"ValidationSchema: field '{field.Name}' has Min ({field.Min}) greater than Max ({field.Max}).", nameof(fields));
            }
        }

        foreach (var rule in Rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
        }
    }

    /// <summary>A schema of one record-level predicate and no field rules.</summary>
    /// <param name="name">Names the predicate in error messages.</param>
    /// <param name="isValid">Returns true for valid records.</param>
    /// <returns>The schema.</returns>
    public static ValidationSchema FromPredicate(string name, Func<Record, bool> isValid) => new([], [new RecordRule(name, isValid)]);

    /// <summary>The field rules, in the order given.</summary>
    public IReadOnlyList<FieldRule> Fields { get; }

    /// <summary>The record-level predicates, in the order given.</summary>
    public IReadOnlyList<RecordRule> Rules { get; }
}
