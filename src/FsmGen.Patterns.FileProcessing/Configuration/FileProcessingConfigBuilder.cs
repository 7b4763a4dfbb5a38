using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Collects the settings of a <see cref="FileProcessingConfig"/>: set properties in an object initializer, add stages
/// with the fluent methods, then call <see cref="Build"/>, which validates everything.
/// </summary>
/// <example>
/// <code>
/// var config = new FileProcessingConfigBuilder("orders.csv", "orders.jsonl") { Mode = ProcessingMode.Batch }
///     .Filter(r => (string?)r["status"] == "paid")
///     .Transform(r => { r["processed"] = true; return r; })
///     .Build();
/// </code>
/// </example>
public sealed class FileProcessingConfigBuilder
{
    /// <summary>Starts a config for <paramref name="inputPath"/> and <paramref name="outputPath"/>.</summary>
    /// <param name="inputPath">The file to read.</param>
    /// <param name="outputPath">The file to write.</param>
    public FileProcessingConfigBuilder(string inputPath, string outputPath)
    {
        InputPath = inputPath;
        OutputPath = outputPath;
    }

    internal FileProcessingConfigBuilder(FileProcessingConfig config)
    {
        InputPath = config.InputPath;
        OutputPath = config.OutputPath;
        InputFormat = config.InputFormat;
        OutputFormat = config.OutputFormat;
        Mode = config.Mode;
        ChunkSize = config.ChunkSize;
        ParallelChunks = config.ParallelChunks;
        Encoding = config.Encoding;
        ValidationSchema = config.ValidationSchema;
        Transformations.AddRange(config.Transformations);
        Filters.AddRange(config.Filters);
        Aggregations.AddRange(config.Aggregations);
        DeadLetterPath = config.DeadLetterPath;
        MaxRecordSize = config.MaxRecordSize;
        MaxErrorDetails = config.MaxErrorDetails;
        IncludeValuesInErrors = config.IncludeValuesInErrors;
        CsvInjection = config.CsvInjection;
        EmptyInputIsError = config.EmptyInputIsError;
        LogPatterns.AddRange(config.LogPatterns);
    }

    /// <inheritdoc cref="FileProcessingConfig.InputPath"/>
    public string InputPath { get; set; }

    /// <inheritdoc cref="FileProcessingConfig.OutputPath"/>
    public string OutputPath { get; set; }

    /// <summary>The input format; null (the default) detects it from the input file's extension.</summary>
    public FileFormat? InputFormat { get; set; }

    /// <summary>The output format; null (the default) detects it from the output file's extension.</summary>
    public FileFormat? OutputFormat { get; set; }

    /// <inheritdoc cref="FileProcessingConfig.Mode"/>
    public ProcessingMode Mode { get; set; } = ProcessingMode.Stream;

    /// <inheritdoc cref="FileProcessingConfig.ChunkSize"/>
    public int ChunkSize { get; set; } = 1000;

    /// <inheritdoc cref="FileProcessingConfig.ParallelChunks"/>
    public int ParallelChunks { get; set; } = 4;

    /// <inheritdoc cref="FileProcessingConfig.Encoding"/>
    public Encoding Encoding { get; set; } = Encoding.UTF8;

    /// <inheritdoc cref="FileProcessingConfig.ValidationSchema"/>
    public ValidationSchema? ValidationSchema { get; set; }

    /// <inheritdoc cref="FileProcessingConfig.DeadLetterPath"/>
    public string? DeadLetterPath { get; set; }

    /// <inheritdoc cref="FileProcessingConfig.MaxRecordSize"/>
    public int MaxRecordSize { get; set; } = 4 * 1024 * 1024;

    /// <inheritdoc cref="FileProcessingConfig.MaxErrorDetails"/>
    public int MaxErrorDetails { get; set; } = 1000;

    /// <inheritdoc cref="FileProcessingConfig.IncludeValuesInErrors"/>
    public bool IncludeValuesInErrors { get; set; }

    /// <inheritdoc cref="FileProcessingConfig.CsvInjection"/>
    public CsvInjection CsvInjection { get; set; } = CsvInjection.Escape;

    /// <inheritdoc cref="FileProcessingConfig.EmptyInputIsError"/>
    public bool EmptyInputIsError { get; set; } = true;

    /// <summary>The transformations added so far, in order.</summary>
    public List<RecordTransformation> Transformations { get; } = [];

    /// <summary>The filters added so far.</summary>
    public List<RecordFilter> Filters { get; } = [];

    /// <summary>The aggregations added so far, in order.</summary>
    public List<RecordAggregation> Aggregations { get; } = [];

    /// <inheritdoc cref="FileProcessingConfig.LogPatterns"/>
    public List<Regex> LogPatterns { get; } = [];

    /// <summary>Sets the validation schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Validate(ValidationSchema schema)
    {
        ValidationSchema = schema;
        return this;
    }

    /// <summary>Adds a synchronous transformation after those added before.</summary>
    /// <param name="transform">Returns the record that replaces its argument.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Transform(Func<Record, Record> transform)
    {
        Transformations.Add(RecordTransformation.FromSync(transform));
        return this;
    }

    /// <summary>Adds an asynchronous transformation after those added before.</summary>
    /// <param name="transform">Returns the record that replaces its argument.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Transform(Func<Record, CancellationToken, ValueTask<Record>> transform)
    {
        Transformations.Add(RecordTransformation.FromAsync(transform));
        return this;
    }

    /// <summary>Adds a filter: records for which it returns false end in the filtered state.</summary>
    /// <param name="keep">True for records that pass.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Filter(Func<Record, bool> keep)
    {
        Filters.Add(RecordFilter.FromSync(keep));
        return this;
    }

    /// <summary>Adds an asynchronous filter.</summary>
    /// <param name="keep">True for records that pass.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Filter(Func<Record, CancellationToken, ValueTask<bool>> keep)
    {
        Filters.Add(RecordFilter.FromAsync(keep));
        return this;
    }

    /// <summary>Adds a per-record aggregation (see <see cref="RecordAggregation"/>).</summary>
    /// <param name="name">The field of the summary record.</param>
    /// <param name="compute">Computes it from the record.</param>
    /// <returns>This builder.</returns>
    public FileProcessingConfigBuilder Aggregate(string name, Func<Record, object?> compute)
    {
        Aggregations.Add(new RecordAggregation(name, compute));
        return this;
    }

    /// <summary>Adds log patterns (for <see cref="FileFormat.Log"/> input); their named groups become fields.</summary>
    /// <param name="patterns">.NET regular expressions with named groups, such as <c>(?&lt;level&gt;INFO|WARN|ERROR)</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A pattern is not a valid regular expression.</exception>
    public FileProcessingConfigBuilder ParseLogLines(params IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                // A timeout, because the patterns run on untrusted file content (ReDoS).
                LogPatterns.Add(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"FileProcessingConfig.LogPatterns: '{pattern}' is not a valid regular expression: {e.Message}", nameof(patterns), e);
            }
        }

        return this;
    }

    /// <summary>Validates the settings and creates the config.</summary>
    /// <returns>The immutable config.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message and <see cref="ArgumentException.ParamName"/> name it.</exception>
    public FileProcessingConfig Build() => new(this);
}
