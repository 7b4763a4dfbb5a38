using System.Diagnostics;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Accounts for every record of a run exactly once: written, filtered or error. Keeps the error details (up to the
/// config's limit), appends failed records to the dead-letter file and reports progress. Used from one thread at a time.
/// </summary>
internal sealed class RunLedger : IAsyncDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly FileProcessingConfig _config;
    private readonly IInputPosition _reader;
    private readonly IProgress<FileProcessingProgress>? _progress;
    private readonly DeadLetterWriter? _deadLetter;
    private readonly List<FileProcessingError> _errorDetails = [];
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

    public RunLedger(FileProcessingConfig config, IInputPosition reader, IProgress<FileProcessingProgress>? progress)
    {
        _config = config;
        _reader = reader;
        _progress = progress;

        // Created even when no record fails, so that an empty dead-letter file means "no errors" rather than an old run's leftovers.
        _deadLetter = config.DeadLetterPath is null ? null : new DeadLetterWriter(config.DeadLetterPath);
    }

    public long Read { get; private set; }

    public long Written { get; private set; }

    public long Filtered { get; private set; }

    public long Errors { get; private set; }

    /// <summary>Records the end of one record's run (for written records: after the writer took them).</summary>
    public ValueTask RecordAsync(RecordContext context, CancellationToken cancellationToken)
    {
        Read++;
        ReportEvery(1024);
        switch (context.End)
        {
            case RecordEnd.Written:
                Written++;
                return default;
            case RecordEnd.Filtered:
                Filtered++;
                return default;
            default:
                return ErrorAsync(context, context.Failure ?? new StageFailure(ProcessingStage.Read, null, "the record failed without a reason (a bug in the processor)"), cancellationToken);
        }
    }

    /// <summary>Counts a record that was written (typed route: no context is created for it).</summary>
    public void CountWritten()
    {
        Read++;
        ReportEvery(1024);
        Written++;
    }

    /// <summary>Counts a record that a filter left out (typed route).</summary>
    public void CountFiltered()
    {
        Read++;
        ReportEvery(1024);
        Filtered++;
    }

    /// <summary>Counts a failed record: its details, and the dead-letter file (typed route).</summary>
    public ValueTask CountErrorAsync(RecordContext context, StageFailure failure, CancellationToken cancellationToken)
    {
        Read++;
        ReportEvery(1024);
        return ErrorAsync(context, failure, cancellationToken);
    }

    public FileProcessingResult ToResult(TimeSpan elapsed)
    {
        Report();
        return new FileProcessingResult(_config, _reader.LinesRead, _reader.BytesRead, Read, Written, Filtered, Errors, _errorDetails.ToArray(), elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_deadLetter is not null)
        {
            await _deadLetter.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask ErrorAsync(RecordContext context, StageFailure failure, CancellationToken cancellationToken)
    {
        Errors++;
        var error = new FileProcessingError(_config.InputPath, context.LineNumber, context.RecordNumber, context.ByteOffset, failure.Stage, failure.Field, failure.Reason);
        if (_errorDetails.Count < _config.MaxErrorDetails)
        {
            _errorDetails.Add(error);
        }

        if (_deadLetter is not null)
        {
            await _deadLetter.WriteAsync(error, context, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ReportEvery(int records)
    {
        if (_progress is not null && Read % records == 0 && _sinceReport.Elapsed >= ProgressInterval)
        {
            Report();
        }
    }

    private void Report()
    {
        _sinceReport.Restart();
        _progress?.Report(new FileProcessingProgress(_config.InputPath, _reader.BytesRead, _reader.TotalBytes, Read, Errors));
    }
}
