using System.Collections;
using System.Globalization;
using System.Text.Json;
using FsmGen.Patterns.FileProcessing;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Converts record values to the types of validation rules and of target columns. Everything is invariant-culture;
/// a value that does not convert gives a reason that names the type, never a silent null.
/// </summary>
internal static class ValueConversion
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The value as invariant text: numbers round-trip, dates are ISO 8601, nested records are JSON.</summary>
    public static string ToInvariantText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero && d.Kind != DateTimeKind.Utc ? "yyyy-MM-dd" : "O", Invariant),
        DateTimeOffset o => o.ToString("O", Invariant),
        DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", Invariant),
        double d => d.ToString("R", Invariant),
        float f => f.ToString("R", Invariant),
        byte[] bytes => Convert.ToBase64String(bytes),
        JsonElement e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText(),
        IFormattable f => f.ToString(null, Invariant),
        IDictionary or IList => JsonSerializer.Serialize(value),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Converts a value to a validation <see cref="FieldType"/>, as the file processor does.</summary>
    public static bool TryToFieldType(object value, FieldType type, out object? typed)
    {
        typed = value;
        switch (type)
        {
            case FieldType.Any:
                return true;
            case FieldType.String:
                return value is string;
            case FieldType.Integer:
                if (TryInt64(value, out var l))
                {
                    typed = value is long ? value : l;
                    return true;
                }

                return false;
            case FieldType.Number:
                if (value is long or int or short or byte or sbyte or ushort or uint or ulong or double or float or decimal)
                {
                    return true;
                }

                if (value is string s && double.TryParse(s, NumberStyles.Float, Invariant, out var d) && double.IsFinite(d))
                {
                    typed = d;
                    return true;
                }

                return false;
            case FieldType.Boolean:
                if (TryBoolean(value, out var b))
                {
                    typed = b;
                    return true;
                }

                return false;
            case FieldType.DateTime:
                if (value is DateTime or DateTimeOffset or DateOnly)
                {
                    return true;
                }

                if (value is string text && DateTime.TryParse(text, Invariant, DateTimeStyles.RoundtripKind, out var parsed))
                {
                    typed = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Converts a value for a column of <paramref name="kind"/>; null stays null.</summary>
    /// <returns>Null when converted; otherwise why not (without the value).</returns>
    public static string? TryToColumn(object? value, ColumnKind kind, out object? converted)
    {
        converted = null;
        if (value is null || value is DBNull)
        {
            return null;
        }

        // An empty text value (a blank CSV cell) of a non-text column means "no value".
        if (value is string { Length: 0 } && kind is not (ColumnKind.Text or ColumnKind.Any or ColumnKind.Json or ColumnKind.Jsonb or ColumnKind.OtherAsText))
        {
            return null;
        }

        switch (kind)
        {
            case ColumnKind.Int16:
                return TryInt64(value, out var i16) && i16 is >= short.MinValue and <= short.MaxValue ? Set(out converted, (short)i16) : NotA(value, "smallint");
            case ColumnKind.Int32:
                return TryInt64(value, out var i32) && i32 is >= int.MinValue and <= int.MaxValue ? Set(out converted, (int)i32) : NotA(value, "integer");
            case ColumnKind.Int64:
                return TryInt64(value, out var i64) ? Set(out converted, i64) : NotA(value, "bigint/integer");
            case ColumnKind.Single:
                return TryDouble(value, out var f) && (float.IsFinite((float)f) || !double.IsFinite(f)) ? Set(out converted, (float)f) : NotA(value, "real");
            case ColumnKind.Double:
                return TryDouble(value, out var dbl) ? Set(out converted, dbl) : NotA(value, "double precision/real");
            case ColumnKind.Decimal:
                return TryDecimal(value, out var m) ? Set(out converted, m) : NotA(value, "numeric");
            case ColumnKind.Numeric:
                if (value is long or int or short or byte or double or float or decimal)
                {
                    converted = value;
                    return null;
                }

                if (value is bool nb)
                {
                    return Set(out converted, nb ? 1L : 0L);
                }

                if (TryInt64(value, out var nl))
                {
                    return Set(out converted, nl);
                }

                return TryDecimal(value, out var nm) ? Set(out converted, nm) : NotA(value, "number");
            case ColumnKind.Boolean:
                return TryBoolean(value, out var b) ? Set(out converted, b) : NotA(value, "boolean");
            case ColumnKind.SqliteBoolean:
                return TryBoolean(value, out var sb) ? Set(out converted, sb ? 1L : 0L) : NotA(value, "boolean");
            case ColumnKind.Text:
            case ColumnKind.OtherAsText:
                return Set(out converted, value as string ?? ToInvariantText(value));
            case ColumnKind.Json:
            case ColumnKind.Jsonb:
                return Set(out converted, value switch
                {
                    string s => s,
                    JsonElement e => e.GetRawText(),
                    _ => JsonSerializer.Serialize(value),
                });
            case ColumnKind.Uuid:
                if (value is Guid)
                {
                    converted = value;
                    return null;
                }

                return value is string gs && Guid.TryParse(gs, out var g) ? Set(out converted, g) : NotA(value, "uuid");
            case ColumnKind.Bytea:
                return value is byte[] ? Set(out converted, value) : NotA(value, "bytea");
            case ColumnKind.Date:
                return TryDate(value, out var date) ? Set(out converted, date) : NotA(value, "date");
            case ColumnKind.Time:
                return TryTime(value, out var time) ? Set(out converted, time) : NotA(value, "time");
            case ColumnKind.Timestamp:
                return TryTimestamp(value, out var ts) ? Set(out converted, ts) : NotA(value, "timestamp");
            case ColumnKind.TimestampTz:
                return TryTimestampTz(value, out var tz) ? Set(out converted, tz) : NotA(value, "timestamptz");
            case ColumnKind.Any:
                return Set(out converted, value is IDictionary or IList && value is not byte[] ? JsonSerializer.Serialize(value) : value);
            default:
                return $"has no conversion to {kind}";
        }
    }

    public static bool TryInt64(object value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            case decimal m when decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue: result = (long)m; return true;
            case double d when Math.Truncate(d) == d && d >= long.MinValue && d < 9.2233720368547758E18: result = (long)d; return true;
            case float f when MathF.Truncate(f) == f && f >= long.MinValue && f < 9.2233720368547758E18f: result = (long)f; return true;
            case string s when long.TryParse(s.AsSpan().Trim(), NumberStyles.AllowLeadingSign, Invariant, out var parsed): result = parsed; return true;
            default: result = 0; return false;
        }
    }

    private static bool TryDouble(object value, out double result)
    {
        switch (value)
        {
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            case string s when double.TryParse(s.AsSpan().Trim(), NumberStyles.Float, Invariant, out var parsed): result = parsed; return true;
            case bool: result = 0; return false;
            default:
                if (TryInt64(value, out var l))
                {
                    result = l;
                    return true;
                }

                result = 0;
                return false;
        }
    }

    private static bool TryDecimal(object value, out decimal result)
    {
        try
        {
            switch (value)
            {
                case decimal m: result = m; return true;
                case double d when double.IsFinite(d): result = (decimal)d; return true;
                case float f when float.IsFinite(f): result = (decimal)f; return true;
                case string s when decimal.TryParse(s.AsSpan().Trim(), NumberStyles.Float, Invariant, out var parsed): result = parsed; return true;
                case bool: result = 0; return false;
                default:
                    if (TryInt64(value, out var l))
                    {
                        result = l;
                        return true;
                    }

                    result = 0;
                    return false;
            }
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    private static bool TryBoolean(object value, out bool result)
    {
        switch (value)
        {
            case bool b: result = b; return true;
            case long or int or short or byte when TryInt64(value, out var l) && l is 0 or 1: result = l == 1; return true;
            case string s:
                switch (s.Trim().ToLowerInvariant())
                {
                    case "true" or "t" or "1" or "yes" or "y": result = true; return true;
                    case "false" or "f" or "0" or "no" or "n": result = false; return true;
                }

                break;
        }

        result = false;
        return false;
    }

    private static bool TryDate(object value, out DateOnly result)
    {
        switch (value)
        {
            case DateOnly d: result = d; return true;
            case DateTime dt: result = DateOnly.FromDateTime(dt); return true;
            case DateTimeOffset o: result = DateOnly.FromDateTime(o.DateTime); return true;
            case string s when DateOnly.TryParse(s, Invariant, DateTimeStyles.None, out var d): result = d; return true;
            case string s when DateTime.TryParse(s, Invariant, DateTimeStyles.RoundtripKind, out var dt): result = DateOnly.FromDateTime(dt); return true;
            default: result = default; return false;
        }
    }

    private static bool TryTime(object value, out TimeOnly result)
    {
        switch (value)
        {
            case TimeOnly t: result = t; return true;
            case TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1): result = TimeOnly.FromTimeSpan(span); return true;
            case DateTime dt: result = TimeOnly.FromDateTime(dt); return true;
            case string s when TimeOnly.TryParse(s, Invariant, DateTimeStyles.None, out var t): result = t; return true;
            default: result = default; return false;
        }
    }

    // timestamp without time zone: the wall-clock value, with Kind Unspecified (Npgsql refuses UTC DateTimes there).
    private static bool TryTimestamp(object value, out DateTime result)
    {
        switch (value)
        {
            case DateTime dt: result = DateTime.SpecifyKind(dt, DateTimeKind.Unspecified); return true;
            case DateTimeOffset o: result = DateTime.SpecifyKind(o.UtcDateTime, DateTimeKind.Unspecified); return true;
            case DateOnly d: result = d.ToDateTime(TimeOnly.MinValue); return true;
            case string s when DateTime.TryParse(s, Invariant, DateTimeStyles.RoundtripKind, out var parsed):
                result = DateTime.SpecifyKind(parsed.Kind == DateTimeKind.Local ? parsed.ToUniversalTime() : parsed, DateTimeKind.Unspecified);
                return true;
            default: result = default; return false;
        }
    }

    // timestamptz: a UTC instant. A DateTime without a kind is taken as UTC (PostgreSQL's own reading when the session is UTC).
    private static bool TryTimestampTz(object value, out DateTime result)
    {
        switch (value)
        {
            case DateTime dt:
                result = dt.Kind switch
                {
                    DateTimeKind.Utc => dt,
                    DateTimeKind.Local => dt.ToUniversalTime(),
                    _ => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                };
                return true;
            case DateTimeOffset o: result = o.UtcDateTime; return true;
            case DateOnly d: result = DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc); return true;
            case string s when DateTimeOffset.TryParse(s, Invariant, DateTimeStyles.AssumeUniversal, out var parsed): result = parsed.UtcDateTime; return true;
            default: result = default; return false;
        }
    }

    private static string? Set(out object? converted, object value)
    {
        converted = value;
        return null;
    }

    private static string NotA(object value, string type) => $"a {Describe(value)} value is not a valid {type}";

    private static string Describe(object value) => value switch
    {
        string => "text",
        long or int or short or byte or sbyte or ushort or uint or ulong => "integer",
        double or float or decimal => "number",
        bool => "boolean",
        DateTime or DateTimeOffset or DateOnly => "date/time",
        _ => value.GetType().Name,
    };
}
