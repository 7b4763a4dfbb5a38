using System.Text.RegularExpressions;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The rules for one field of a <see cref="ValidationSchema"/>: required, type, min, max and pattern. A field that is
/// not required may be missing, null or empty; the other rules apply only when it has a value.
/// </summary>
public sealed class FieldRule
{
    private readonly string? _pattern;

    /// <summary>Creates the rules for the field <paramref name="name"/>.</summary>
    /// <param name="name">The field name (case-sensitive).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public FieldRule(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>Whether the field must be present with a non-empty value.</summary>
    public bool Required { get; init; }

    /// <summary>The type the value must have (or, for text, parse as); <see cref="FieldType.Any"/> by default.</summary>
    public FieldType Type { get; init; } = FieldType.Any;

    /// <summary>The smallest value allowed (for <see cref="FieldType.String"/>, the shortest length).</summary>
    public double? Min { get; init; }

    /// <summary>The largest value allowed (for <see cref="FieldType.String"/>, the longest length).</summary>
    public double? Max { get; init; }

    /// <summary>A regular expression that the value's text must match (anywhere, unless anchored).</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public string? Pattern
    {
        get => _pattern;
        init
        {
            _pattern = value;
            PatternRegex = value is null ? null : CompilePattern(value);
        }
    }

    /// <summary>The compiled <see cref="Pattern"/>, or null.</summary>
    internal Regex? PatternRegex { get; private init; }

    private Regex CompilePattern(string pattern)
    {
        try
        {
            // A timeout, because the pattern runs on untrusted file content (ReDoS).
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"FieldRule '{Name}': Pattern is not a valid regular expression: {e.Message}", nameof(Pattern), e);
        }
    }
}
