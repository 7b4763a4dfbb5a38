using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes record values as JSON with a type switch (no reflection): numbers as numbers (NaN and infinities as strings,
/// which JSON numbers cannot be), dates in ISO 8601, bytes in base64, nested dictionaries and lists as objects and arrays.
/// </summary>
internal static class JsonValueWriter
{
    /// <summary>Output for files, not HTML: non-ASCII text is written as is instead of as \u escapes.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes a record; takes the concrete type so that enumerating it does not box an enumerator per record.</summary>
    public static void WriteRecord(Utf8JsonWriter writer, Record record)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in record)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void WriteRecord(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> record)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in record)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case double d: writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case float f: writer.WriteStringValue(f.ToString(CultureInfo.InvariantCulture)); break;
            case short s: writer.WriteNumberValue(s); break;
            case byte b: writer.WriteNumberValue(b); break;
            case sbyte b: writer.WriteNumberValue(b); break;
            case ushort u: writer.WriteNumberValue(u); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case DateTime d: writer.WriteStringValue(d); break;
            case DateTimeOffset d: writer.WriteStringValue(d); break;
            case Guid g: writer.WriteStringValue(g); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case Record nested: WriteRecord(writer, nested); break;
            case IEnumerable<KeyValuePair<string, object?>> nested: WriteRecord(writer, nested); break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    WriteValue(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(ValueText.Format(value)); break;
        }
    }
}
