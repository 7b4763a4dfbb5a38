using System.Diagnostics.CodeAnalysis;

namespace FsmGen.Patterns.Etl;

/// <summary>
/// A table or column name checked to hold only ASCII letters, digits and underscores (not starting with a digit), with
/// an optional schema before one dot, and always written double-quoted. Names never reach SQL text any other way, so a
/// quote or a semicolon in a config can never change a statement. Quoting keeps the case: <c>Orders</c> and
/// <c>orders</c> are different names.
/// </summary>
internal readonly record struct SqlIdentifier(string? Schema, string Name)
{
    /// <summary>The longest name PostgreSQL keeps (NAMEDATALEN - 1).</summary>
    public const int MaxLength = 63;

    /// <summary>The name as written, such as <c>sales.orders</c>.</summary>
    public override string ToString() => Schema is null ? Name : Schema + "." + Name;

    /// <summary>The double-quoted form, such as <c>"sales"."orders"</c>.</summary>
    public string Quoted => Schema is null ? Quote(Name) : Quote(Schema) + "." + Quote(Name);

    /// <summary>Parses a table name (<c>table</c> or <c>schema.table</c>).</summary>
    /// <param name="text">The name.</param>
    /// <param name="field">The config field it came from, for the message.</param>
    /// <exception cref="ArgumentException">The name is not a plain identifier; the message names <paramref name="field"/>.</exception>
    public static SqlIdentifier ParseTable(string? text, string field)
    {
        if (TryParseTable(text, out var identifier))
        {
            return identifier;
        }

        throw new ArgumentException($"{field}: '{text}' is not a valid table name: use letters, digits and underscores (not starting with a digit, at most {MaxLength} characters), optionally 'schema.table'.", field);
    }

    /// <summary>Checks a column name and returns it double-quoted.</summary>
    /// <param name="text">The name.</param>
    /// <param name="field">The config field it came from, for the message.</param>
    /// <exception cref="ArgumentException">The name is not a plain identifier; the message names <paramref name="field"/>.</exception>
    public static string QuoteColumn(string? text, string field)
    {
        RequireColumn(text, field);
        return Quote(text!);
    }

    /// <summary>Checks a column name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="field">The config field it came from, for the message.</param>
    /// <exception cref="ArgumentException">The name is not a plain identifier; the message names <paramref name="field"/>.</exception>
    public static string RequireColumn(string? text, string field)
    {
        if (!IsValidPart(text))
        {
            throw new ArgumentException($"{field}: '{text}' is not a valid column name: use letters, digits and underscores (not starting with a digit, at most {MaxLength} characters).", field);
        }

        return text!;
    }

    /// <summary>Whether <paramref name="text"/> is a valid table name.</summary>
    public static bool TryParseTable([NotNullWhen(true)] string? text, out SqlIdentifier identifier)
    {
        identifier = default;
        if (text is null)
        {
            return false;
        }

        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            if (!IsValidPart(text))
            {
                return false;
            }

            identifier = new SqlIdentifier(null, text);
            return true;
        }

        var schema = text[..dot];
        var name = text[(dot + 1)..];
        if (!IsValidPart(schema) || !IsValidPart(name))
        {
            return false;
        }

        identifier = new SqlIdentifier(schema, name);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is one plain identifier.</summary>
    public static bool IsValidPart([NotNullWhen(true)] string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    // Only called on validated parts, which cannot hold a quote.
    private static string Quote(string part) => "\"" + part + "\"";
}
