using System.Text;
using System.Text.Unicode;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>Parses a line of text into a record with one string field, <c>line</c>.</summary>
internal sealed class TextLineParser : IRecordParser
{
    /// <summary>The field that holds the line.</summary>
    public const string LineField = "line";

    public Record? Parse(RecordContext context)
    {
        if (!LineText.TryDecode(context.RawUtf8.Span, out var line))
        {
            return RecordParsers.Fail(context, "the line is not valid UTF-8");
        }

        return new Record(1) { [LineField] = line };
    }
}

/// <summary>Decodes lines that must be valid UTF-8: invalid bytes are reported, never replaced silently.</summary>
internal static class LineText
{
    public static bool TryDecode(ReadOnlySpan<byte> utf8, out string text)
    {
        if (!Utf8.IsValid(utf8))
        {
            text = string.Empty;
            return false;
        }

        text = Encoding.UTF8.GetString(utf8);
        return true;
    }
}
