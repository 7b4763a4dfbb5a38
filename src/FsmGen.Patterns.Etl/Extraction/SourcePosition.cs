using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// Where a source was read up to, as stored in a checkpoint row: the order-column values of the last committed record
/// of a database source (read again as typed parameters of the resume condition), or the ordinal of the last committed
/// record of a file. Stored as JSON with a type tag per value, so a timestamp comes back a timestamp and not text.
/// </summary>
internal sealed class SourcePosition
{
    private SourcePosition(object?[]? order, long ordinal)
    {
        Order = order;
        Ordinal = ordinal;
    }

    /// <summary>The order-column values of a database source, or null.</summary>
    public object?[]? Order { get; }

    /// <summary>The ordinal of a file source's last committed record, or 0.</summary>
    public long Ordinal { get; }

    public static SourcePosition AfterOrder(object?[] order) => new(order, 0);

    public static SourcePosition AfterOrdinal(long ordinal) => new(null, ordinal);

    public string ToJson()
    {
        var json = new JsonObject();
        if (Order is null)
        {
            json["ordinal"] = Ordinal;
        }
        else
        {
            var values = new JsonArray();
            foreach (var value in Order)
            {
                var (tag, text) = Encode(value);
                values.Add(new JsonObject { ["t"] = tag, ["v"] = text });
            }

            json["order"] = values;
        }

        return json.ToJsonString();
    }

    /// <exception cref="EtlException">The stored text is not a position this version wrote.</exception>
    public static SourcePosition FromJson(string text)
    {
        try
        {
            var json = JsonNode.Parse(text)!.AsObject();
            if (json["order"] is JsonArray values)
            {
                return AfterOrder(values.Select(v => Decode((string)v!["t"]!, (string?)v["v"])).ToArray());
            }

            return AfterOrdinal((long)json["ordinal"]!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            throw new EtlException($"The checkpoint's stored position '{text}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Whether a value can be part of a position (and so a resume condition).</summary>
    public static bool CanStore(object? value) => value is not null and not DBNull && TryEncode(value, out _, out _);

    private static (string Tag, string? Text) Encode(object? value) =>
        TryEncode(value, out var tag, out var text) ? (tag, text) : throw new EtlException($"A value of type {value?.GetType().Name} cannot be stored in a checkpoint position.");

    private static bool TryEncode(object? value, out string tag, out string? text)
    {
        var inv = CultureInfo.InvariantCulture;
        (tag, text) = value switch
        {
            null or DBNull => ("null", null),
            bool b => ("bool", b ? "true" : "false"),
            long or int or short or byte or sbyte or ushort or uint => ("i64", Convert.ToInt64(value, inv).ToString(inv)),
            decimal m => ("dec", m.ToString(inv)),
            double d => ("f64", d.ToString("R", inv)),
            float f => ("f64", ((double)f).ToString("R", inv)),
            string s => ("str", s),
            DateTime dt => ("dt", dt.Kind.ToString() + "|" + dt.Ticks.ToString(inv)),
            DateTimeOffset o => ("dto", o.ToString("O", inv)),
            DateOnly d => ("date", d.DayNumber.ToString(inv)),
            TimeOnly t => ("time", t.Ticks.ToString(inv)),
            TimeSpan span => ("span", span.Ticks.ToString(inv)),
            Guid g => ("guid", g.ToString("D")),
            _ => ("?", null),
        };
        return tag != "?";
    }

    private static object? Decode(string tag, string? text)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (tag)
        {
            case "null": return null;
            case "bool": return text == "true";
            case "i64": return long.Parse(text!, inv);
            case "dec": return decimal.Parse(text!, inv);
            case "f64": return double.Parse(text!, inv);
            case "str": return text;
            case "dt":
                var bar = text!.IndexOf('|');
                return new DateTime(long.Parse(text[(bar + 1)..], inv), Enum.Parse<DateTimeKind>(text[..bar]));
            case "dto": return DateTimeOffset.Parse(text!, inv, DateTimeStyles.RoundtripKind);
            case "date": return DateOnly.FromDayNumber(int.Parse(text!, inv));
            case "time": return new TimeOnly(long.Parse(text!, inv));
            case "span": return new TimeSpan(long.Parse(text!, inv));
            case "guid": return Guid.Parse(text!);
            default: throw new FormatException($"unknown value tag '{tag}'");
        }
    }
}
