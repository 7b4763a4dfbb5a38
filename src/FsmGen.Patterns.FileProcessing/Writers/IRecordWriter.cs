namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes records in one output format, in the order given. Not thread-safe: the processor writes from one place
/// (the stream loop, or the ordered drain of batch chunks). A record is written whole or not at all.
/// </summary>
internal interface IRecordWriter : IAsyncDisposable
{
    /// <summary>Writes <paramref name="record"/>.</summary>
    /// <returns>Null when written; otherwise why the record cannot be written in this format, in which case nothing of it was written.</returns>
    ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken);

    /// <summary>Finishes the document (closing brackets, the last row group) and flushes everything to the output stream.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>Creates the writer of a config's output format.</summary>
internal static class RecordWriters
{
    public static IRecordWriter Create(FileProcessingConfig config, Stream output) => config.OutputFormat switch
    {
        FileFormat.Csv => new CsvRecordWriter(output, ',', config.CsvInjection),
        FileFormat.Tsv => new CsvRecordWriter(output, '\t', config.CsvInjection),
        FileFormat.Json => new JsonRecordWriter(output, asArray: true),
        FileFormat.JsonLines => new JsonRecordWriter(output, asArray: false),
        FileFormat.Xml => new XmlRecordWriter(output),
        FileFormat.Parquet => new ParquetRecordWriter(output),
        FileFormat.Text or FileFormat.Log => new TextRecordWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.OutputFormat, "Unknown output format."),
    };

    /// <summary>The failure of a record with a field that the output's columns (fixed by the first record) do not have.</summary>
    public static StageFailure UnknownField(string field, string columnsOf) =>
        new(ProcessingStage.Write, field, $"field '{field}' is not one of the {columnsOf}, which the first record written fixed");
}
