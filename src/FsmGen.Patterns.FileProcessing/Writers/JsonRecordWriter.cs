using System.Buffers;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes JSON Lines (one object per line) or a JSON array (one object per line between brackets) with
/// <see cref="Utf8JsonWriter"/> into a memory buffer that goes to the file in blocks of 64 KiB: one OS write per
/// block, not per record.
/// </summary>
internal sealed class JsonRecordWriter : IRecordWriter
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _output;
    private readonly bool _asArray;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;
    private bool _any;

    public JsonRecordWriter(Stream output, bool asArray)
    {
        _output = output;
        _asArray = asArray;
        _json = new Utf8JsonWriter(_buffer, JsonValueWriter.WriterOptions);
    }

    public async ValueTask<StageFailure?> WriteAsync(Record record, CancellationToken cancellationToken)
    {
        if (_asArray)
        {
            Append(_any ? ",\n"u8 : "[\n"u8);
        }

        _any = true;
        JsonValueWriter.WriteRecord(_json, record);
        _json.Flush();
        _json.Reset();
        if (!_asArray)
        {
            Append("\n"u8);
        }

        if (_buffer.WrittenCount >= FlushThreshold)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_asArray)
        {
            Append(_any ? "\n]\n"u8 : "[]\n"u8);
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
