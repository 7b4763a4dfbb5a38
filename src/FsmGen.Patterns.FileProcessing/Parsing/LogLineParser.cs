using System.Text.RegularExpressions;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Parses a log line with the config's patterns: each pattern is searched in the line, and the named groups of every
/// pattern that matches become the record's fields (a later pattern overwrites a field of an earlier one). A line that
/// no pattern matches fails at the parse stage, so it is counted as an error and goes to the dead-letter file.
/// </summary>
internal sealed class LogLineParser : IRecordParser
{
    private readonly (Regex Pattern, string[] Groups)[] _patterns;

    public LogLineParser(IReadOnlyList<Regex> patterns)
    {
        _patterns = patterns
            .Select(p => (p, p.GetGroupNames().Where(name => !int.TryParse(name, out _)).ToArray()))
            .ToArray();
    }

    public Record? Parse(RecordContext context)
    {
        if (!LineText.TryDecode(context.RawUtf8.Span, out var line))
        {
            return RecordParsers.Fail(context, "the line is not valid UTF-8");
        }

        Record? record = null;
        try
        {
            foreach (var (pattern, groups) in _patterns)
            {
                var match = pattern.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                record ??= new Record(groups.Length);
                foreach (var name in groups)
                {
                    var group = match.Groups[name];
                    if (group.Success)
                    {
                        record[name] = group.Value;
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return RecordParsers.Fail(context, "a log pattern took longer than its timeout on this line");
        }

        return record ?? RecordParsers.Fail(context, "the line matches none of the log patterns");
    }
}
