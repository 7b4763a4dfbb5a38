namespace FsmGen.Patterns.FileProcessing;

/// <summary>The parse stage of one format: turns a record's raw input into a <see cref="Record"/>. Thread-safe, so parallel chunks share it.</summary>
internal interface IRecordParser
{
    /// <summary>Parses the raw input of <paramref name="context"/>.</summary>
    /// <returns>The record; or null, with <see cref="RecordContext.Failure"/> set, when the input is not a valid record.</returns>
    Record? Parse(RecordContext context);
}

/// <summary>Picks the parser of a config's input format.</summary>
internal static class RecordParsers
{
    /// <summary>The parser, or null for formats whose reader builds the record itself (CSV, TSV, Parquet).</summary>
    public static IRecordParser? For(FileProcessingConfig config) => config.InputFormat switch
    {
        FileFormat.Json or FileFormat.JsonLines => new JsonObjectParser(config.IncludeValuesInErrors),
        FileFormat.Xml => new XmlRecordParser(config.IncludeValuesInErrors),
        FileFormat.Text => new TextLineParser(),
        FileFormat.Log when config.LogPatterns.Count > 0 => new LogLineParser(config.LogPatterns),
        FileFormat.Log => new TextLineParser(),
        _ => null,
    };

    /// <summary>Fails <paramref name="context"/> at the parse stage and returns null, for parsers' early exits.</summary>
    public static Record? Fail(RecordContext context, string reason, string? field = null)
    {
        context.Failure = new StageFailure(ProcessingStage.Parse, field, reason);
        return null;
    }
}
