using System.Globalization;
using System.Text;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Applies a <see cref="ValidationSchema"/> to a record: converts text values to the declared types in place and
/// collects every broken rule. Messages name the field and leave its value out unless asked to include it.
/// </summary>
internal sealed class RecordValidator(ValidationSchema schema, bool includeValues)
{
    /// <summary>Validates <paramref name="record"/>.</summary>
    /// <returns>Null when valid; otherwise the first broken field (if any) and a reason listing every broken rule.</returns>
    public (string? Field, string Reason)? Validate(Record record)
    {
        StringBuilder? reasons = null;
        string? firstField = null;
        foreach (var rule in schema.Fields)
        {
            var problem = Check(rule, record);
            if (problem is null)
            {
                continue;
            }

            firstField ??= rule.Name;
            Append(ref reasons, $"field '{rule.Name}': {problem}");
        }

        foreach (var rule in schema.Rules)
        {
            if (!rule.IsValid(record))
            {
                Append(ref reasons, $"rule '{rule.Name}' failed");
            }
        }

        return reasons is null ? null : (firstField, reasons.ToString());
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

    private string? Check(FieldRule rule, Record record)
    {
        if (!record.TryGetValue(rule.Name, out var value) || IsEmpty(value))
        {
            if (rule.Required)
            {
                return "is required";
            }

            // An empty text field of a typed column means "no value": a number column with a blank cell holds null.
            if (value is string && rule.Type is not (FieldType.Any or FieldType.String))
            {
                record[rule.Name] = null;
            }

            return null;
        }

        if (!TryConvert(value!, rule.Type, out var typed))
        {
            return $"{Shown(value)}is not {Describe(rule.Type)}";
        }

        if (!ReferenceEquals(typed, value))
        {
            record[rule.Name] = typed;
        }

        if (rule.Min is not null || rule.Max is not null)
        {
            var measure = Measure(typed, rule.Type);
            if (measure is null)
            {
                return $"{Shown(value)}is not a number, so min/max cannot apply";
            }

            var what = rule.Type == FieldType.String ? "length" : "value";
            if (measure < rule.Min)
            {
                return $"{Shown(value)}{what} is below the minimum {Format(rule.Min.Value)}";
            }

            if (measure > rule.Max)
            {
                return $"{Shown(value)}{what} is above the maximum {Format(rule.Max.Value)}";
            }
        }

        if (rule.PatternRegex is { } regex && !regex.IsMatch(TextOf(typed)))
        {
            return $"{Shown(value)}does not match the pattern";
        }

        return null;
    }

    private string Shown(object? value) => includeValues ? $"'{TextOf(value)}' " : string.Empty;

    private static bool IsEmpty(object? value) => value is null || value is string { Length: 0 };

    private static string TextOf(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Format(double limit) => limit.ToString(CultureInfo.InvariantCulture);

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
        if (type == FieldType.String || value is string && type == FieldType.Any)
        {
            return value is string s ? s.Length : null;
        }

        return value switch
        {
            long l => l,
            int i => i,
            short s => s,
            byte b => b,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => null,
        };
    }

    private static bool TryConvert(object value, FieldType type, out object typed)
    {
        typed = value;
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case FieldType.Any:
                return true;
            case FieldType.String:
                return value is string;
            case FieldType.Integer:
                switch (value)
                {
                    case long or int or short or byte or sbyte or ushort or uint:
                        return true;
                    case ulong u when u <= long.MaxValue:
                        return true;
                    case decimal m when decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue:
                        typed = (long)m;
                        return true;
                    case double d when Math.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue:
                        typed = (long)d;
                        return true;
                    case string s when long.TryParse(s, System.Globalization.NumberStyles.Integer, inv, out var parsed):
                        typed = parsed;
                        return true;
                    default:
                        return false;
                }

            case FieldType.Number:
                switch (value)
                {
                    case long or int or short or byte or sbyte or ushort or uint or ulong or double or float or decimal:
                        return true;
                    case string s when double.TryParse(s, System.Globalization.NumberStyles.Float, inv, out var parsed) && double.IsFinite(parsed):
                        typed = parsed;
                        return true;
                    default:
                        return false;
                }

            case FieldType.Boolean:
                switch (value)
                {
                    case bool:
                        return true;
                    case string s when bool.TryParse(s, out var parsed):
                        typed = parsed;
                        return true;
                    case "1":
                        typed = true;
                        return true;
                    case "0":
                        typed = false;
                        return true;
                    default:
                        return false;
                }

            case FieldType.DateTime:
                switch (value)
                {
                    case DateTime or DateTimeOffset or DateOnly:
                        return true;
                    case string s when DateTime.TryParse(s, inv, DateTimeStyles.RoundtripKind, out var parsed):
                        typed = parsed;
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }
}
