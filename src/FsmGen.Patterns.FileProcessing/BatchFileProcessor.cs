namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Processes many files (the matches of a search pattern in a directory) one after another, each with its own
/// <see cref="FileProcessor"/>. A file that cannot be processed at all (it vanished, it cannot be opened) is reported
/// in its outcome and the batch goes on. Create it with <see cref="FileProcessors.CreateBatchFileProcessor"/>.
/// </summary>
public sealed class BatchFileProcessor
{
    private readonly Action<FileProcessingConfigBuilder>? _configure;
    private readonly string? _deadLetterDirectory;

    internal BatchFileProcessor(
        string inputDirectory,
        string searchPattern,
        string outputDirectory,
        FileFormat outputFormat,
        Action<FileProcessingConfigBuilder>? configure,
        bool recursive,
        string? deadLetterDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(searchPattern);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        InputDirectory = inputDirectory;
        SearchPattern = searchPattern;
        OutputDirectory = outputDirectory;
        OutputFormat = outputFormat;
        Recursive = recursive;
        _configure = configure;
        _deadLetterDirectory = deadLetterDirectory;
    }

    /// <summary>The directory searched.</summary>
    public string InputDirectory { get; }

    /// <summary>The file name pattern (wildcards <c>*</c> and <c>?</c>).</summary>
    public string SearchPattern { get; }

    /// <summary>Where the output files go.</summary>
    public string OutputDirectory { get; }

    /// <summary>The format of every output file.</summary>
    public FileFormat OutputFormat { get; }

    /// <summary>Whether subdirectories are searched too.</summary>
    public bool Recursive { get; }

    /// <summary>The files the pattern matches now, in ordinal order of their paths.</summary>
    /// <returns>Full paths.</returns>
    /// <exception cref="DirectoryNotFoundException">The input directory does not exist; the message names it.</exception>
    public IReadOnlyList<string> FindFiles()
    {
        if (!Directory.Exists(InputDirectory))
        {
            throw new DirectoryNotFoundException($"The input directory '{Path.GetFullPath(InputDirectory)}' does not exist.");
        }

        var files = Directory.GetFiles(Path.GetFullPath(InputDirectory), SearchPattern, Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Processes every matching file.</summary>
    /// <param name="progress">Receives each file's progress; may be null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>Each file's outcome and the totals.</returns>
    /// <exception cref="ArgumentException">The <c>configure</c> callback made an invalid config.</exception>
    public async Task<BatchFileProcessingResult> ProcessAsync(IProgress<FileProcessingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<BatchFileOutcome>();
        var root = Path.GetFullPath(InputDirectory);
        foreach (var input in FindFiles())
        {
            var relative = Path.GetRelativePath(root, input);
            var output = Path.Combine(OutputDirectory, Path.ChangeExtension(relative, FileFormatDetector.ExtensionOf(OutputFormat)));
            var builder = new FileProcessingConfigBuilder(input, output) { OutputFormat = OutputFormat };
            if (_deadLetterDirectory is not null)
            {
                builder.DeadLetterPath = Path.Combine(_deadLetterDirectory, relative + ".deadletter.jsonl");
            }

            _configure?.Invoke(builder);
            var config = builder.Build();
            try
            {
                var result = await new FileProcessor(config).ProcessAsync(progress, cancellationToken).ConfigureAwait(false);
                outcomes.Add(new BatchFileOutcome(input, config.OutputPath, result, null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes.Add(new BatchFileOutcome(input, config.OutputPath, null, e));
            }
        }

        return new BatchFileProcessingResult(outcomes);
    }
}

/// <summary>What happened to one file of a batch.</summary>
/// <param name="InputPath">The input file.</param>
/// <param name="OutputPath">The output file.</param>
/// <param name="Result">The file's metrics, or null when it could not be processed.</param>
/// <param name="Failure">Why the file could not be processed at all, or null.</param>
public sealed record BatchFileOutcome(string InputPath, string OutputPath, FileProcessingResult? Result, Exception? Failure);

/// <summary>The outcome of a batch: per file, and totals over the files that were processed.</summary>
public sealed class BatchFileProcessingResult
{
    internal BatchFileProcessingResult(IReadOnlyList<BatchFileOutcome> files)
    {
        Files = files;
        var results = files.Where(f => f.Result is not null).Select(f => f.Result!).ToArray();
        FilesProcessed = results.Length;
        FilesFailed = files.Count - results.Length;
        RecordsRead = results.Sum(r => r.RecordsRead);
        Written = results.Sum(r => r.Written);
        Filtered = results.Sum(r => r.Filtered);
        Errors = results.Sum(r => r.Errors);
    }

    /// <summary>Each file's outcome, in the order processed.</summary>
    public IReadOnlyList<BatchFileOutcome> Files { get; }

    /// <summary>Files that were processed (whatever their record errors).</summary>
    public int FilesProcessed { get; }

    /// <summary>Files that could not be processed at all.</summary>
    public int FilesFailed { get; }

    /// <summary>Records read over all processed files; equals <see cref="Written"/> + <see cref="Filtered"/> + <see cref="Errors"/>.</summary>
    public long RecordsRead { get; }

    /// <summary>Records written over all processed files.</summary>
    public long Written { get; }

    /// <summary>Records filtered over all processed files.</summary>
    public long Filtered { get; }

    /// <summary>Record errors over all processed files.</summary>
    public long Errors { get; }
}
