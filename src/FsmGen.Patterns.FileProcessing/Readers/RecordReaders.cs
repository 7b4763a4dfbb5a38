namespace FsmGen.Patterns.FileProcessing;

/// <summary>Opens the reader of a config's input format.</summary>
internal static class RecordReaders
{
    /// <exception cref="FileNotFoundException">The input file does not exist; the message names it.</exception>
    public static RecordReader Open(FileProcessingConfig config)
    {
        var input = InputStream.Open(config.InputPath);
        return config.InputFormat switch
        {
            FileFormat.Csv => new CsvRecordReader(config, input, ','),
            FileFormat.Tsv => new CsvRecordReader(config, input, '\t'),
            FileFormat.Json => new JsonArrayRecordReader(config, input),
            FileFormat.JsonLines or FileFormat.Log => new LineRecordReader(config, input, skipBlankLines: true),
            FileFormat.Text => new LineRecordReader(config, input, skipBlankLines: false),
            FileFormat.Xml => new XmlRecordReader(config, input),
            FileFormat.Parquet => new ParquetRecordReader(config, input),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.InputFormat, "Unknown input format."),
        };
    }
}
