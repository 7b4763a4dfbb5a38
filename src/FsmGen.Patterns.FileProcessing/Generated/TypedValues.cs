using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Encodings.Web;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing.Generated;

/// <summary>
/// Writes the values of record members that need more than one call of <see cref="Utf8JsonWriter"/> or
/// <see cref="CsvWriter"/>: non-finite floating point numbers (strings in JSON, which has no NaN), dates and times in
/// ISO 8601, characters and enum names. Called by generated code only; the common types are written inline.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TypedValues
{
    /// <summary>The encoder of property names and values: files, not HTML, so non-ASCII text is written as is.</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Encodes a property name once, for the generated writer to reuse for every record.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The pre-encoded name.</returns>
    public static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);

    /// <summary>Writes a double as a JSON number, or as a string when it is NaN or infinite.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a float as a JSON number, or as a string when it is NaN or infinite.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes any value that formats itself (dates, times, characters, GUIDs) as a JSON string in ISO 8601 or invariant form.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteString<T>(Utf8JsonWriter writer, JsonEncodedText name, T value)
        where T : IUtf8SpanFormattable, ISpanFormattable
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (value.TryFormat(utf8, out var length, FormatOf<T>(), CultureInfo.InvariantCulture))
        {
            writer.WriteString(name, utf8[..length]);
        }
        else
        {
            writer.WriteString(name, value.ToString(FormatOf<T>().ToString(), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes an enum value as its name (a JSON string).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum => writer.WriteString(name, value.ToString());

    /// <summary>Writes any value that formats itself (times, characters, GUIDs) as a CSV field in ISO 8601 or invariant form.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteField<T>(CsvWriter writer, T value)
        where T : IUtf8SpanFormattable, ISpanFormattable
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (value.TryFormat(utf8, out var length, FormatOf<T>(), CultureInfo.InvariantCulture))
        {
            writer.WriteField(utf8[..length]);
        }
        else
        {
            writer.WriteField(value.ToString(FormatOf<T>().ToString(), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes an enum value as its name (a CSV field).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteEnum<TEnum>(CsvWriter writer, TEnum value)
        where TEnum : struct, Enum => writer.WriteField(value.ToString());

    /// <summary>
    /// Parses a date field: ISO 8601 <c>yyyy-MM-dd</c> straight from its UTF-8 bytes, anything else as
    /// <see cref="CsvReader.TryParse{T}(int, out T)"/> does (the reader's format provider).
    /// </summary>
    /// <param name="reader">The reader, on the row.</param>
    /// <param name="index">The field's column.</param>
    /// <param name="value">The date.</param>
    /// <returns>Whether the field is a date.</returns>
    public static bool TryParseDate(CsvReader reader, int index, out DateOnly value)
    {
        var text = reader.GetSpan(index);
        if (text.Length == 10 && text[4] == (byte)'-' && text[7] == (byte)'-'
            && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        return reader.TryParse(index, out value);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            var d = digit - (byte)'0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>ISO 8601 round-trip forms for dates and times, the constant form for time spans, the default for the rest.</summary>
    private static ReadOnlySpan<char> FormatOf<T>() =>
        typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(DateOnly) || typeof(T) == typeof(TimeOnly) ? "O"
        : typeof(T) == typeof(TimeSpan) ? "c"
        : default;
}
