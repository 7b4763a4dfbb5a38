using System.Buffers;
using System.Text;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes plain text or log lines: one line per record, the record's <c>line</c> field when it has one, otherwise its
/// values in field order separated by tabs. A value with a line break is a write error: it would split the record.
/// </summary>
internal sealed class TextRecordWriter(Stream output) : IRecordWriter
{
    private const int FlushThreshold = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly StringBuilder _line = new();

    public async ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken)
    {
        _line.Clear();
        if (record.TryGetValue(TextLineParser.LineField, out var line))
        {
            if (Fails(TextLineParser.LineField, ValueText.Format(line)) is { } failure)
            {
                return failure;
            }
        }
        else
        {
            var first = true;
            foreach (var (name, value) in record)
            {
                if (!first)
                {
                    _line.Append('\t');
                }

                first = false;
                if (Fails(name, ValueText.Format(value)) is { } failure)
                {
                    return failure;
                }
            }
        }

        _line.Append('\n');
        var chunk = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(_line.Length));
        foreach (var part in _line.GetChunks())
        {
            var written = Encoding.UTF8.GetBytes(part.Span, chunk);
            _buffer.Advance(written);
            chunk = chunk[written..];
        }

        if (_buffer.WrittenCount >= FlushThreshold)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => default;

    private StageFailure? Fails(string field, string? text)
    {
        if (text is not null && text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return new StageFailure(ProcessingStage.Write, field, $"field '{field}' contains a line break, which a line of text cannot hold");
        }

        _line.Append(text);
        return null;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
