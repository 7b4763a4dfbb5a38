using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Applies a file processing <see cref="ValidationSchema"/> to an ETL record with the same meaning as the file
/// processor: a field that is not required may be missing, null or empty; text values convert to the declared type
/// in place (so a CSV "42" loads as a number); min/max bound numbers (lengths for text); patterns must match.
/// </summary>
internal sealed class EtlRecordValidator
{
    private readonly ValidationSchema _schema;
    private readonly bool _includeValues;
    private readonly Regex?[] _patterns;

    public EtlRecordValidator(ValidationSchema schema, bool includeValues)
    {
        _schema = schema;
        _includeValues = includeValues;

        // Timeouts, because patterns run on untrusted data (ReDoS).
        _patterns = schema.Fields
            .Select(f => f.Pattern is null ? null : new Regex(f.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)))
            .ToArray();
    }

    /// <summary>Validates the record; null when valid, otherwise the first broken field and every broken rule.</summary>
    public EtlFailure? Validate(Record record)
    {
        StringBuilder? reasons = null;
        string? firstField = null;
        var fields = _schema.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (Check(fields[i], _patterns[i], record) is { } problem)
            {
                firstField ??= fields[i].Name;
                Append(ref reasons, $"field '{fields[i].Name}': {problem}");
            }
        }

        foreach (var rule in _schema.Rules)
        {
            bool valid;
            try
            {
                valid = rule.IsValid(record);
            }
            catch (Exception e)
            {
                Append(ref reasons, $"rule '{rule.Name}' threw {e.GetType().Name}: {e.Message}");
                continue;
            }

            if (!valid)
            {
                Append(ref reasons, $"rule '{rule.Name}' failed");
            }
        }

        return reasons is null ? null : new EtlFailure(EtlStage.Validate, firstField, reasons.ToString());
    }

    private static void Append(ref StringBuilder? reasons, string reason)
    {
        reasons ??= new StringBuilder();
        if (reasons.Length > 0)
        {
            reasons.Append("; ");
        }

        reasons.Append(reason);
    }

    private string? Check(FieldRule rule, Regex? pattern, Record record)
    {
        if (!record.TryGetValue(rule.Name, out var value) || value is null || value is string { Length: 0 })
        {
            if (rule.Required)
            {
                return "is required";
            }

            if (value is string && rule.Type is not (FieldType.Any or FieldType.String))
            {
                record[rule.Name] = null;
            }

            return null;
        }

        if (!ValueConversion.TryToFieldType(value, rule.Type, out var typed))
        {
            return $"{Shown(value)}is not {Describe(rule.Type)}";
        }

        if (!ReferenceEquals(typed, value))
        {
            record[rule.Name] = typed;
        }

        if (rule.Min is not null || rule.Max is not null)
        {
            var measure = Measure(typed!, rule.Type);
            if (measure is null)
            {
                return $"{Shown(value)}is not a number, so min/max cannot apply";
            }

            var what = rule.Type == FieldType.String || typed is string ? "length" : "value";
            if (measure < rule.Min)
            {
                return $"{Shown(value)}{what} is below the minimum {rule.Min.Value.ToString(CultureInfo.InvariantCulture)}";
            }

            if (measure > rule.Max)
            {
                return $"{Shown(value)}{what} is above the maximum {rule.Max.Value.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        if (pattern is not null && !pattern.IsMatch(ValueConversion.ToInvariantText(typed)))
        {
            return $"{Shown(value)}does not match the pattern";
        }

        return null;
    }

    private string Shown(object? value) => _includeValues ? $"'{ValueConversion.ToInvariantText(value)}' " : string.Empty;

    private static string Describe(FieldType type) => type switch
    {
        FieldType.String => "text",
        FieldType.Integer => "an integer",
        FieldType.Number => "a number",
        FieldType.Boolean => "a boolean",
        FieldType.DateTime => "a date/time",
        _ => "valid",
    };

    private static double? Measure(object value, FieldType type)
    {
        if (value is string s)
        {
            return type is FieldType.String or FieldType.Any ? s.Length : null;
        }

        return value switch
        {
            long l => l,
            int i => i,
            short sh => sh,
            byte b => b,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => null,
        };
    }
}
