using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The text form of a value in formats whose fields are text (CSV, TSV, XML, plain text): invariant culture, ISO 8601
/// dates, round-trip numbers, <c>true</c>/<c>false</c>, base64 for bytes, and compact JSON for nested objects and lists.
/// </summary>
internal static class ValueText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IDictionary or IEnumerable when value is not string => AsJson(value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Whether the value is nested (an object or a list), which flat formats write as JSON text.</summary>
    public static bool IsNested(object? value) => value is IDictionary or (IEnumerable and not string and not byte[]);

    private static string AsJson(object value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonValueWriter.WriterOptions))
        {
            JsonValueWriter.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
