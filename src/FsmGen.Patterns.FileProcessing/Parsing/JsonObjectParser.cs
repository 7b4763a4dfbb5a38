using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Parses one JSON object (a JSON Lines line or an element of a JSON array) into a record. Value types: string, long
/// for integers, decimal for other numbers (double when out of decimal's range), bool, null, <see cref="Record"/> for
/// nested objects and <see cref="List{T}"/> of object for arrays.
/// </summary>
internal sealed class JsonObjectParser(bool includeValues) : IRecordParser
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public Record? Parse(RecordContext context)
    {
        var reader = new Utf8JsonReader(context.RawUtf8.Span, Options);
        try
        {
            if (!reader.Read())
            {
                return RecordParsers.Fail(context, "the record is empty");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return RecordParsers.Fail(context, $"the record is not a JSON object (it is {Describe(reader.TokenType)})");
            }

            var record = ReadObject(ref reader);
            if (reader.Read())
            {
                return RecordParsers.Fail(context, $"text follows the JSON object at byte {reader.TokenStartIndex} of the record");
            }

            return record;
        }
        catch (JsonException e)
        {
            var detail = includeValues ? $": {e.Message}" : string.Empty;
            return RecordParsers.Fail(context, $"invalid JSON at byte {reader.BytesConsumed} of the record{detail}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader reports invalid UTF-8 inside strings this way, when the string is decoded.
            return RecordParsers.Fail(context, $"invalid UTF-8 in a JSON string near byte {reader.TokenStartIndex} of the record");
        }
    }

    private static Record ReadObject(ref Utf8JsonReader reader)
    {
        var record = new Record();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            record[name] = ReadValue(ref reader);
        }

        return record;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }

                if (reader.TryGetDecimal(out var exact))
                {
                    return exact;
                }

                return reader.TryGetDouble(out var approximate) && double.IsFinite(approximate)
                    ? approximate
                    : System.Text.Encoding.UTF8.GetString(reader.ValueSpan); // beyond double: keep the digits rather than lose them
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items;
            default:
                throw new JsonException($"Unexpected token {reader.TokenType}.");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
