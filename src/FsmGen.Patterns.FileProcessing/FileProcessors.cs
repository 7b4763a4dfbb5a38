namespace FsmGen.Patterns.FileProcessing;

/// <summary>Factories for the common file processing jobs. Each takes an optional <c>configure</c> callback for any other setting.</summary>
public static class FileProcessors
{
    /// <summary>A CSV processor: reads CSV, writes the format of <paramref name="outputFile"/>'s extension.</summary>
    /// <param name="inputFile">The CSV file.</param>
    /// <param name="outputFile">The output file (for example <c>.json</c>, <c>.jsonl</c>, <c>.csv</c>).</param>
    /// <param name="transformations">Transformations, applied in order.</param>
    /// <param name="filters">Filters, which must all pass.</param>
    /// <param name="configure">Changes any other setting before the config is validated.</param>
    /// <returns>The processor.</returns>
    public static FileProcessor CreateCsvProcessor(
        string inputFile,
        string outputFile,
        IEnumerable<Func<Record, Record>>? transformations = null,
        IEnumerable<Func<Record, bool>>? filters = null,
        Action<FileProcessingConfigBuilder>? configure = null)
    {
        var builder = new FileProcessingConfigBuilder(inputFile, outputFile) { InputFormat = FileFormat.Csv };
        foreach (var transform in transformations ?? [])
        {
            builder.Transform(transform);
        }

        foreach (var filter in filters ?? [])
        {
            builder.Filter(filter);
        }

        return Create(builder, configure);
    }

    /// <summary>A JSON Lines processor with validation, in batch mode: reads JSON Lines and writes the format of <paramref name="outputFile"/>'s extension (JSON Lines when it has none).</summary>
    /// <param name="inputFile">The JSON Lines file.</param>
    /// <param name="outputFile">The output file.</param>
    /// <param name="validationSchema">The schema that records must satisfy, or null.</param>
    /// <param name="chunkSize">Records per chunk.</param>
    /// <param name="configure">Changes any other setting before the config is validated.</param>
    /// <returns>The processor.</returns>
    public static FileProcessor CreateJsonProcessor(
        string inputFile,
        string outputFile,
        ValidationSchema? validationSchema = null,
        int chunkSize = 1000,
        Action<FileProcessingConfigBuilder>? configure = null)
    {
        var builder = new FileProcessingConfigBuilder(inputFile, outputFile)
        {
            InputFormat = FileFormat.JsonLines,
            OutputFormat = FileFormatDetector.TryDetect(outputFile, out var format) ? format : FileFormat.JsonLines,
            Mode = ProcessingMode.Batch,
            ChunkSize = chunkSize,
            ValidationSchema = validationSchema,
        };
        return Create(builder, configure);
    }

    /// <summary>
    /// A log analyzer: every non-blank line of <paramref name="logFile"/> becomes a record of the named groups of the
    /// <paramref name="patterns"/> that match it. A line that no pattern matches is counted as an error (stage Parse)
    /// and goes to the dead-letter file, so unparsed lines can be found and fixed.
    /// </summary>
    /// <param name="logFile">The log file (any extension).</param>
    /// <param name="outputFile">The output file.</param>
    /// <param name="patterns">.NET regular expressions with named groups, such as <c>^(?&lt;time&gt;\S+) (?&lt;level&gt;[A-Z]+) (?&lt;message&gt;.*)$</c>.</param>
    /// <param name="configure">Changes any other setting before the config is validated.</param>
    /// <returns>The processor.</returns>
    public static FileProcessor CreateLogAnalyzer(
        string logFile,
        string outputFile,
        IEnumerable<string> patterns,
        Action<FileProcessingConfigBuilder>? configure = null)
    {
        var builder = new FileProcessingConfigBuilder(logFile, outputFile) { InputFormat = FileFormat.Log }.ParseLogLines(patterns);
        return Create(builder, configure);
    }

    /// <summary>
    /// A processor for every file of <paramref name="inputDirectory"/> that matches <paramref name="searchPattern"/>
    /// (wildcards <c>*</c> and <c>?</c>, such as <c>*.csv</c>), each written to <paramref name="outputDirectory"/>
    /// under its own name with the extension of <paramref name="outputFormat"/>.
    /// </summary>
    /// <param name="inputDirectory">The directory to search.</param>
    /// <param name="searchPattern">The file name pattern.</param>
    /// <param name="outputDirectory">Where the output files go (created when missing).</param>
    /// <param name="outputFormat">The format of every output file.</param>
    /// <param name="configure">Applied to each file's config builder (input and output paths are already set).</param>
    /// <param name="recursive">Whether to search subdirectories too (their structure is kept under <paramref name="outputDirectory"/>).</param>
    /// <param name="deadLetterDirectory">When set, each file's failed records go to <c>{name}.deadletter.jsonl</c> there.</param>
    /// <returns>The batch processor.</returns>
    public static BatchFileProcessor CreateBatchFileProcessor(
        string inputDirectory,
        string searchPattern,
        string outputDirectory,
        FileFormat outputFormat,
        Action<FileProcessingConfigBuilder>? configure = null,
        bool recursive = false,
        string? deadLetterDirectory = null) =>
        new(inputDirectory, searchPattern, outputDirectory, outputFormat, configure, recursive, deadLetterDirectory);

    private static FileProcessor Create(FileProcessingConfigBuilder builder, Action<FileProcessingConfigBuilder>? configure)
    {
        configure?.Invoke(builder);
        return new FileProcessor(builder.Build());
    }
}
