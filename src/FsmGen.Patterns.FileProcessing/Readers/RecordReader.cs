using System.Runtime.CompilerServices;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads the records of one input file, in order, as contexts for the per-record machine. Input that cannot be read as
/// a record is not skipped: it comes out as a context that has already failed at the read stage, with its position.
/// </summary>
internal abstract class RecordReader : IInputPosition, IAsyncDisposable
{
    protected RecordReader(FileProcessingConfig config, InputStream input)
    {
        Config = config;
        Input = input;
    }

    protected FileProcessingConfig Config { get; }

    protected InputStream Input { get; }

    /// <summary>Whether readers keep each record's raw input (for the dead-letter file) even when parsing does not need it.</summary>
    protected bool KeepRaw => Config.DeadLetterPath is not null;

    /// <summary>Bytes of the input file read so far; safe to read from another thread.</summary>
    public long BytesRead => Input.BytesRead;

    /// <summary>The size of the input file.</summary>
    public long TotalBytes => Input.Length;

    /// <summary>Lines read so far (0 for formats without lines).</summary>
    public long LinesRead { get; protected set; }

    /// <summary>The records of the file, numbered from 1; one failed record for an empty file when the config says so.</summary>
    public async IAsyncEnumerable<RecordContext> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var context in ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            context.RecordNumber = ++count;
            yield return context;
        }

        if (count == 0 && Config.EmptyInputIsError)
        {
            var empty = RecordContext.Unreadable(lineNumber: Math.Max(LinesRead, 1), byteOffset: 0, EmptyInputReason);
            empty.RecordNumber = 1;
            yield return empty;
        }
    }

    /// <summary>The records of the file, in order, including those that failed to read.</summary>
    protected abstract IAsyncEnumerable<RecordContext> ReadRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Why a file without records is an error, for the error message.</summary>
    protected virtual string EmptyInputReason => "the file has no records (it is empty)";

    public virtual ValueTask DisposeAsync() => Input.DisposeAsync();
}
