using System.Text;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads line formats (JSON Lines, text, log): each line is a record, handed to the parse stage as UTF-8 bytes. Blank
/// lines are skipped (they still count in <see cref="RecordReader.LinesRead"/>), except in plain text, where every line
/// is a record. A line longer than <see cref="FileProcessingConfig.MaxRecordSize"/> is a failed record.
/// </summary>
internal sealed class LineRecordReader : RecordReader
{
    private readonly Utf8LineReader _lines;
    private readonly Stream? _transcoder;
    private readonly bool _skipBlankLines;

    public LineRecordReader(FileProcessingConfig config, InputStream input, bool skipBlankLines)
        : base(config, input)
    {
        _skipBlankLines = skipBlankLines;
        Stream source = input;
        if (config.Encoding is not UTF8Encoding)
        {
            _transcoder = Encoding.CreateTranscodingStream(input, config.Encoding, Encoding.UTF8, leaveOpen: true);
            source = _transcoder;
        }

        _lines = new Utf8LineReader(source, config.MaxRecordSize);
    }

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            LinesRead = _lines.LineNumber;
            if (_lines.LineTooLong)
            {
                yield return RecordContext.Unreadable(
                    _lines.LineNumber,
                    _lines.LineOffset,
                    $"the line is longer than MaxRecordSize ({Config.MaxRecordSize} bytes)",
                    KeepRaw ? _lines.Line : default);
                continue;
            }

            if (_skipBlankLines && IsBlank(_lines.Line.Span))
            {
                continue;
            }

            // The line's bytes live in the reader's buffer until the next line: parsing happens later (and, in batch mode, elsewhere).
            yield return new RecordContext
            {
                LineNumber = _lines.LineNumber,
                ByteOffset = _lines.LineOffset,
                RawUtf8 = _lines.Line.ToArray(),
            };
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _lines.Dispose();
        if (_transcoder is not null)
        {
            await _transcoder.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;
}
