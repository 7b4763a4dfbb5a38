using System.Text;

namespace FsmGen.Generators.Emit;

/// <summary>Writes C# literals for text computed at generation time.</summary>
internal static class Literal
{
    public static string String(string? value)
    {
        if (value is null) return "null";
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Bool(bool value) => value ? "true" : "false";
}
