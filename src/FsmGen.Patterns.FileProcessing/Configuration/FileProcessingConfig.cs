using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// What a <see cref="FileProcessor"/> does: input and output files and formats, processing mode, the record stages
/// (validation, filters, transformations, aggregations) and the safety limits. Immutable; created by
/// <see cref="FileProcessingConfigBuilder.Build"/>, which validates every field and names the bad one in its message.
/// </summary>
public sealed class FileProcessingConfig
{
    internal FileProcessingConfig(FileProcessingConfigBuilder builder)
    {
        InputPath = RequirePath(builder.InputPath, nameof(InputPath));
        OutputPath = RequirePath(builder.OutputPath, nameof(OutputPath));
        InputFormat = builder.InputFormat ?? Detect(InputPath, nameof(InputFormat));
        OutputFormat = builder.OutputFormat ?? Detect(OutputPath, nameof(OutputFormat));
        Mode = Defined(builder.Mode, nameof(Mode));
        ChunkSize = AtLeast(builder.ChunkSize, 1, nameof(ChunkSize));
        ParallelChunks = AtLeast(builder.ParallelChunks, 1, nameof(ParallelChunks));
        Encoding = builder.Encoding ?? throw Invalid(nameof(Encoding), "must not be null (use Encoding.UTF8)");
        ValidationSchema = builder.ValidationSchema;
        Transformations = builder.Transformations.ToArray();
        Filters = builder.Filters.ToArray();
        Aggregations = builder.Aggregations.ToArray();
        DeadLetterPath = builder.DeadLetterPath is null ? null : RequirePath(builder.DeadLetterPath, nameof(DeadLetterPath));
        MaxRecordSize = AtLeast(builder.MaxRecordSize, 1024, nameof(MaxRecordSize));
        MaxErrorDetails = AtLeast(builder.MaxErrorDetails, 0, nameof(MaxErrorDetails));
        IncludeValuesInErrors = builder.IncludeValuesInErrors;
        CsvInjection = Defined(builder.CsvInjection, nameof(CsvInjection));
        EmptyInputIsError = builder.EmptyInputIsError;
        LogPatterns = builder.LogPatterns.ToArray();

        if (SamePath(InputPath, OutputPath))
        {
            throw Invalid(nameof(OutputPath), $"must differ from InputPath ('{InputPath}'): the output would overwrite the input while it is read");
        }

        if (DeadLetterPath is not null && (SamePath(DeadLetterPath, InputPath) || SamePath(DeadLetterPath, OutputPath)))
        {
            throw Invalid(nameof(DeadLetterPath), "must differ from InputPath and OutputPath");
        }

        if (LogPatterns.Count > 0 && InputFormat != FileFormat.Log)
        {
            throw Invalid(nameof(LogPatterns), $"apply only to FileFormat.Log input, but InputFormat is {InputFormat}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var aggregation in Aggregations)
        {
            if (!names.Add(aggregation.Name))
            {
                throw Invalid(nameof(Aggregations), $"has two aggregations named '{aggregation.Name}'");
            }
        }
    }

    /// <summary>The file to read.</summary>
    public string InputPath { get; }

    /// <summary>The file to write (created or overwritten).</summary>
    public string OutputPath { get; }

    /// <summary>The input format, as given or detected from the input file's extension.</summary>
    public FileFormat InputFormat { get; }

    /// <summary>The output format, as given or detected from the output file's extension; may differ from <see cref="InputFormat"/>.</summary>
    public FileFormat OutputFormat { get; }

    /// <summary>How records move through the processor; <see cref="ProcessingMode.Stream"/> by default.</summary>
    public ProcessingMode Mode { get; }

    /// <summary>Records per chunk in <see cref="ProcessingMode.Batch"/> mode; 1000 by default.</summary>
    public int ChunkSize { get; }

    /// <summary>Chunks processed at once in <see cref="ProcessingMode.Batch"/> mode; 4 by default.</summary>
    public int ParallelChunks { get; }

    /// <summary>The encoding of text input (CSV, TSV, JSON, JSON Lines, text, log); UTF-8 by default. Output is always UTF-8.</summary>
    public Encoding Encoding { get; }

    /// <summary>The validation stage's schema, or null to bypass validation.</summary>
    public ValidationSchema? ValidationSchema { get; }

    /// <summary>The transform stage's steps, applied in order; empty to bypass it.</summary>
    public IReadOnlyList<RecordTransformation> Transformations { get; }

    /// <summary>The filter stage's predicates, which must all pass; empty to bypass it.</summary>
    public IReadOnlyList<RecordFilter> Filters { get; }

    /// <summary>The aggregate stage's functions; empty to bypass it. See <see cref="RecordAggregation"/>.</summary>
    public IReadOnlyList<RecordAggregation> Aggregations { get; }

    /// <summary>A JSON Lines file that receives every record that ends in error (file, line, reason, raw input), or null.</summary>
    public string? DeadLetterPath { get; }

    /// <summary>
    /// The largest record, in bytes of input, that is read; a longer one (such as an unclosed quote at the top of a huge
    /// CSV) is reported as an error instead of filling memory. 4 MiB by default.
    /// </summary>
    public int MaxRecordSize { get; }

    /// <summary>How many errors the result keeps with their details (all are counted, and all go to the dead-letter file); 1000 by default.</summary>
    public int MaxErrorDetails { get; }

    /// <summary>Whether error messages may contain field values. False by default, so that personal data stays out of logs.</summary>
    public bool IncludeValuesInErrors { get; }

    /// <summary>How CSV and TSV output treats text that a spreadsheet would run as a formula; <see cref="CsvInjection.Escape"/> by default.</summary>
    public CsvInjection CsvInjection { get; }

    /// <summary>
    /// Whether an input without any record (an empty file, a CSV header without rows, an empty JSON array) counts as one
    /// error, so that an empty export does not pass unnoticed. True by default.
    /// </summary>
    public bool EmptyInputIsError { get; }

    /// <summary>For <see cref="FileFormat.Log"/> input: the patterns whose named groups become a line's fields; a line no pattern matches is an error.</summary>
    public IReadOnlyList<Regex> LogPatterns { get; }

    /// <summary>A builder holding this config's values, to derive a changed copy.</summary>
    /// <returns>A new builder.</returns>
    public FileProcessingConfigBuilder ToBuilder() => new(this);

    private static string RequirePath(string? path, string field) =>
        string.IsNullOrWhiteSpace(path) ? throw Invalid(field, "must be a file path, but is empty") : path;

    private static FileFormat Detect(string path, string field) =>
        FileFormatDetector.TryDetect(path, out var format)
            ? format
            : throw Invalid(field, $"is not set and cannot be detected from the extension of '{path}'; set it explicitly");

    private static int AtLeast(int value, int minimum, string field) =>
        value >= minimum ? value : throw Invalid(field, $"must be at least {minimum}, but is {value}");

    private static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw Invalid(field, $"is not a defined {typeof(T).Name} value ({value})");

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static ArgumentException Invalid(string field, string problem) =>
        new($"FileProcessingConfig.{field} {problem}.", field);
}
