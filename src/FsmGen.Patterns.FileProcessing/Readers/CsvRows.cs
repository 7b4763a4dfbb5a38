using System.Text;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>What <see cref="CsvRows.NextAsync"/> moved to.</summary>
internal enum CsvRowKind
{
    /// <summary>A good row: <see cref="CsvRows.Reader"/> is positioned on it.</summary>
    Row,

    /// <summary>Input that could not be read as a row: <see cref="CsvRows.Failed"/> holds it, already failed at the read stage.</summary>
    Failed,

    /// <summary>The end of the input.</summary>
    End,
}

/// <summary>
/// Moves a CsvHelper reader through the rows of a CSV or TSV file (a header row names the columns), for both the
/// dictionary route and the typed <c>[Pattern("FileProcessing")]</c> route. Malformed rows (bad quoting, a field count
/// that differs from the header's) are skipped by CsvHelper and come out here as failed records with their line and
/// byte offset, in input order; so does a row that is not valid UTF-8. A record longer than
/// <see cref="FileProcessingConfig.MaxRecordSize"/> (typically an unclosed quote) ends the file with one located error
/// instead of filling memory.
/// </summary>
internal sealed class CsvRows : IAsyncDisposable
{
    private readonly FileProcessingConfig _config;
    private readonly Queue<RecordContext> _malformed = new();
    private readonly bool _checkUtf8;
    private readonly bool _keepRaw;
    private readonly bool _synchronous;
    private RecordContext? _unreadableRest;
    private bool _rowPending;
    private bool _ended;

    /// <summary>Reads the rows of <paramref name="input"/>.</summary>
    /// <param name="config">The run's limits and options.</param>
    /// <param name="input">The input file's stream.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="synchronous">
    /// Whether <paramref name="input"/> completes every read synchronously (<see cref="SynchronousStream"/>): rows are then
    /// read with CsvHelper's <c>Read</c>, which costs less per row than a <c>ReadAsync</c> that never waits.
    /// </param>
    public CsvRows(FileProcessingConfig config, Stream input, char separator, bool synchronous = false)
    {
        _config = config;
        _synchronous = synchronous;
        _keepRaw = config.DeadLetterPath is not null;

        // Non-UTF-8 input is transcoded by CsvHelper, so only UTF-8 input can hold invalid UTF-8.
        _checkUtf8 = config.Encoding is UTF8Encoding;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            MaxRecordSize = config.MaxRecordSize,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = OnMalformed,
            IncludeValuesInExceptions = config.IncludeValuesInErrors,
            Encoding = _checkUtf8 ? null : config.Encoding,
        };
        Reader = CsvReader.Create(input, options, leaveOpen: false);
    }

    /// <summary>The CsvHelper reader, positioned on the current row after <see cref="CsvRowKind.Row"/>.</summary>
    public CsvReader Reader { get; }

    /// <summary>The failed record after <see cref="CsvRowKind.Failed"/>.</summary>
    public RecordContext? Failed { get; private set; }

    /// <summary>Lines read so far, those of the header, of malformed rows and inside quoted fields included.</summary>
    public long LinesRead { get; private set; }

    /// <summary>Why a file without rows is an error.</summary>
    public string EmptyInputReason => Reader.Headers.Count > 0
        ? "the file has a header row but no data rows"
        : "the file is empty: it has no header row";

    /// <summary>Moves to the next row, or to the next stretch of input that could not be read as one.</summary>
    public ValueTask<CsvRowKind> NextAsync(CancellationToken cancellationToken)
    {
        // The common case (no skipped rows to report, the next record already buffered) completes without an async state machine.
        if (_malformed.Count == 0 && !_rowPending && _unreadableRest is null && !_ended)
        {
            ValueTask<bool> read;
            try
            {
                read = ReadAsync(cancellationToken);
            }
            catch (CsvFormatException e)
            {
                EndWithUnreadableRest(e);
                return NextSlowAsync(cancellationToken, pendingRead: null);
            }

            if (read.IsCompletedSuccessfully && _malformed.Count == 0)
            {
                if (read.Result)
                {
                    return new ValueTask<CsvRowKind>(Classify());
                }

                MarkEnded();
                return new ValueTask<CsvRowKind>(CsvRowKind.End);
            }

            return NextSlowAsync(cancellationToken, read);
        }

        return NextSlowAsync(cancellationToken, pendingRead: null);
    }

    private async ValueTask<CsvRowKind> NextSlowAsync(CancellationToken cancellationToken, ValueTask<bool>? pendingRead)
    {
        if (pendingRead is { } started)
        {
            try
            {
                _rowPending = await started.ConfigureAwait(false);
                if (!_rowPending)
                {
                    MarkEnded();
                }
            }
            catch (CsvFormatException e)
            {
                EndWithUnreadableRest(e);
            }
        }

        while (true)
        {
            // Rows that CsvHelper skipped while reading come before the row it stopped on.
            if (_malformed.TryDequeue(out var bad))
            {
                Failed = bad;
                return CsvRowKind.Failed;
            }

            if (_rowPending)
            {
                _rowPending = false;
                return Classify();
            }

            if (_unreadableRest is { } rest)
            {
                _unreadableRest = null;
                Failed = rest;
                return CsvRowKind.Failed;
            }

            if (_ended)
            {
                return CsvRowKind.End;
            }

            try
            {
                _rowPending = await ReadAsync(cancellationToken).ConfigureAwait(false);
                if (!_rowPending)
                {
                    MarkEnded();
                }
            }
            catch (CsvFormatException e)
            {
                EndWithUnreadableRest(e);
            }
        }
    }

    private ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_synchronous)
        {
            return Reader.ReadAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<bool>(Reader.Read());
    }

    /// <summary>The input ended; a file with only a header row has read one line.</summary>
    private void MarkEnded()
    {
        _ended = true;
        if (LinesRead == 0 && Reader.Headers.Count > 0)
        {
            LinesRead = 1;
        }
    }

    /// <summary>The reader cannot go on after this (the record never ended): the rest of the file is one error.</summary>
    private void EndWithUnreadableRest(CsvFormatException e)
    {
        _unreadableRest = RecordContext.Unreadable(
            e.LineNumber,
            e.ByteOffset,
            $"the record is longer than MaxRecordSize ({_config.MaxRecordSize} bytes), probably an unclosed quote; the rest of the file from line {e.LineNumber} cannot be read");
        LinesRead = Math.Max(LinesRead, e.LineNumber);
        _ended = true;
    }

    /// <summary>The raw UTF-8 of the current row, copied, when the dead-letter file needs it; otherwise empty.</summary>
    public ReadOnlyMemory<byte> RawForDeadLetter() => _keepRaw ? Reader.RawRecord.ToArray() : default;

    public ValueTask DisposeAsync() => Reader.DisposeAsync();

    private CsvRowKind Classify()
    {
        var raw = Reader.RawRecord;
        var valid = RawRecordScan.TryCountLines(raw, _checkUtf8, out var lineBreaks);
        LinesRead = Reader.LineNumber + lineBreaks;
        if (!valid)
        {
            Failed = RecordContext.Unreadable(Reader.LineNumber, Reader.ByteOffset, "the record is not valid UTF-8", raw.ToArray());
            return CsvRowKind.Failed;
        }

        return CsvRowKind.Row;
    }

    private void OnMalformed(CsvMalformedRecord malformed)
    {
        var raw = malformed.RawRecord ?? string.Empty;
        LinesRead = Math.Max(LinesRead, malformed.LineNumber + raw.AsSpan().TrimEnd("\r\n").Count('\n'));
        var reason = malformed.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "unterminated quote: a quoted field is never closed",
            CsvMalformedReason.FieldCountMismatch => $"the record has a different number of fields than the header ({Reader.Headers.Count})",
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
            _ => $"malformed record ({malformed.Reason})",
        };
        _malformed.Enqueue(RecordContext.Unreadable(malformed.LineNumber, malformed.ByteOffset, reason, _keepRaw ? Encoding.UTF8.GetBytes(raw) : default));
    }
}
