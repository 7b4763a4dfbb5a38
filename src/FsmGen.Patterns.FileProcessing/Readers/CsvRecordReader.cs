using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads CSV and TSV with CsvHelper: a header row names the fields, and every value is a string (an empty field is "").
/// Malformed rows (bad quoting, a field count that differs from the header's) are skipped by CsvHelper and reported
/// here as failed records with their line and byte offset; a record longer than
/// <see cref="FileProcessingConfig.MaxRecordSize"/> (typically an unclosed quote) ends the file with one located error
/// instead of filling memory.
/// </summary>
internal sealed class CsvRecordReader : RecordReader
{
    private readonly CsvReader _csv;
    private readonly Queue<RecordContext> _malformed = new();
    private readonly bool _checkUtf8;

    public CsvRecordReader(FileProcessingConfig config, InputStream input, char separator)
        : base(config, input)
    {
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
        _csv = CsvReader.Create(input, options, leaveOpen: false);
    }

    protected override string EmptyInputReason => _csv.Headers.Count > 0
        ? "the file has a header row but no data rows"
        : "the file is empty: it has no header row";

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[]? fields = null;
        while (true)
        {
            bool more;
            RecordContext? unreadableRest = null;
            try
            {
                more = await _csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException e)
            {
                // The reader cannot go on after this (the record never ended): the rest of the file is one error.
                unreadableRest = RecordContext.Unreadable(
                    e.LineNumber,
                    e.ByteOffset,
                    $"the record is longer than MaxRecordSize ({Config.MaxRecordSize} bytes), probably an unclosed quote; the rest of the file from line {e.LineNumber} cannot be read");
                LinesRead = Math.Max(LinesRead, e.LineNumber);
                more = false;
            }

            while (_malformed.TryDequeue(out var bad))
            {
                yield return bad;
            }

            if (unreadableRest is not null)
            {
                yield return unreadableRest;
                yield break;
            }

            if (!more)
            {
                break;
            }

            var raw = _csv.RawRecord;
            LinesRead = _csv.LineNumber + raw.Count((byte)'\n');
            if (_checkUtf8 && !Utf8.IsValid(raw))
            {
                yield return RecordContext.Unreadable(_csv.LineNumber, _csv.ByteOffset, "the record is not valid UTF-8", raw.ToArray());
                continue;
            }

            fields ??= UniqueNames(_csv.Headers);
            var record = new Record(fields.Length);
            var count = Math.Min(fields.Length, _csv.FieldCount);
            for (var i = 0; i < count; i++)
            {
                record[fields[i]] = _csv.GetString(i);
            }

            yield return new RecordContext
            {
                LineNumber = _csv.LineNumber,
                ByteOffset = _csv.ByteOffset,
                RawUtf8 = KeepRaw ? raw.ToArray() : default,
                Record = record,
            };
        }

        if (LinesRead == 0 && _csv.Headers.Count > 0)
        {
            LinesRead = 1;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void OnMalformed(CsvMalformedRecord malformed)
    {
        var raw = malformed.RawRecord ?? string.Empty;
        LinesRead = Math.Max(LinesRead, malformed.LineNumber + raw.AsSpan().TrimEnd("\r\n").Count('\n'));
        var reason = malformed.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "unterminated quote: a quoted field is never closed",
            CsvMalformedReason.FieldCountMismatch => $"the record has a different number of fields than the header ({_csv.Headers.Count})",
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
            _ => $"malformed record ({malformed.Reason})",
        };
        _malformed.Enqueue(RecordContext.Unreadable(malformed.LineNumber, malformed.ByteOffset, reason, KeepRaw ? Encoding.UTF8.GetBytes(raw) : default));
    }

    /// <summary>Header names as field names: a blank name becomes <c>ColumnN</c>, a repeated one gets a suffix (<c>name_2</c>).</summary>
    private static string[] UniqueNames(IReadOnlyList<string> headers)
    {
        var names = new string[headers.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = string.IsNullOrWhiteSpace(headers[i]) ? $"Column{i + 1}" : headers[i];
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names[i] = unique;
        }

        return names;
    }
}
