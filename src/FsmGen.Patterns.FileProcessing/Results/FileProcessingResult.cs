namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The metrics of one run. Every record read is counted once, in exactly one of <see cref="Written"/>,
/// <see cref="Filtered"/> and <see cref="Errors"/>: <c>RecordsRead == Written + Filtered + Errors</c>.
/// </summary>
public sealed class FileProcessingResult
{
    internal FileProcessingResult(
        FileProcessingConfig config,
        long linesRead,
        long bytesRead,
        long recordsRead,
        long written,
        long filtered,
        long errors,
        IReadOnlyList<FileProcessingError> errorDetails,
        TimeSpan elapsed)
    {
        InputPath = config.InputPath;
        OutputPath = config.OutputPath;
        InputFormat = config.InputFormat;
        OutputFormat = config.OutputFormat;
        DeadLetterPath = config.DeadLetterPath;
        LinesRead = linesRead;
        BytesRead = bytesRead;
        RecordsRead = recordsRead;
        Written = written;
        Filtered = filtered;
        Errors = errors;
        ErrorDetails = errorDetails;
        Elapsed = elapsed;
    }

    /// <summary>The input file.</summary>
    public string InputPath { get; }

    /// <summary>The output file.</summary>
    public string OutputPath { get; }

    /// <summary>The input format.</summary>
    public FileFormat InputFormat { get; }

    /// <summary>The output format.</summary>
    public FileFormat OutputFormat { get; }

    /// <summary>The dead-letter file, or null.</summary>
    public string? DeadLetterPath { get; }

    /// <summary>Lines of input read (every line, blank ones and those inside quoted CSV fields included); 0 for Parquet.</summary>
    public long LinesRead { get; }

    /// <summary>Bytes of input read.</summary>
    public long BytesRead { get; }

    /// <summary>
    /// Records read: every record of the input, plus one for each stretch of input that could not be read as records
    /// (such as the rest of a JSON array after a syntax error, or an empty file), which then counts as an error.
    /// </summary>
    public long RecordsRead { get; }

    /// <summary>Records that went through every stage without error: <see cref="Written"/> + <see cref="Filtered"/>.</summary>
    public long Processed => Written + Filtered;

    /// <summary>Records written to the output.</summary>
    public long Written { get; }

    /// <summary>Records that a filter left out of the output.</summary>
    public long Filtered { get; }

    /// <summary>Records that ended in error; each is in <see cref="ErrorDetails"/> (up to its limit) and in the dead-letter file.</summary>
    public long Errors { get; }

    /// <summary>The errors with their location and reason, in input order, up to <see cref="FileProcessingConfig.MaxErrorDetails"/>.</summary>
    public IReadOnlyList<FileProcessingError> ErrorDetails { get; }

    /// <summary>Whether more errors happened than <see cref="ErrorDetails"/> holds.</summary>
    public bool ErrorDetailsTruncated => Errors > ErrorDetails.Count;

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether every record was written or filtered.</summary>
    public bool Succeeded => Errors == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{InputPath} -> {OutputPath}: read {RecordsRead}, written {Written}, filtered {Filtered}, errors {Errors} in {Elapsed.TotalMilliseconds:F0} ms";
}
