using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Appends failed records to the dead-letter file as JSON Lines:
/// <c>{"file","line","record","byteOffset","stage","field","reason","raw"}</c>, where <c>raw</c> is the record's input
/// text (invalid UTF-8 replaced by U+FFFD) or, for records without raw text (Parquet), <c>"data"</c> holds the record.
/// The file holds field values by design: treat it as sensitive as the input.
/// </summary>
internal sealed class DeadLetterWriter : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;
    private readonly FileStream _file;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;

    public DeadLetterWriter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
        _json = new Utf8JsonWriter(_buffer, JsonValueWriter.WriterOptions);
    }

    public async ValueTask WriteAsync(FileProcessingError error, RecordContext context, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString("file"u8, error.FilePath);
        _json.WriteNumber("line"u8, error.LineNumber);
        _json.WriteNumber("record"u8, error.RecordNumber);
        _json.WriteNumber("byteOffset"u8, error.ByteOffset);
        _json.WriteString("stage"u8, error.Stage.ToString());
        if (error.Field is null)
        {
            _json.WriteNull("field"u8);
        }
        else
        {
            _json.WriteString("field"u8, error.Field);
        }

        _json.WriteString("reason"u8, error.Reason);
        if (context.RawText is not null)
        {
            _json.WriteString("raw"u8, context.RawText);
        }
        else if (!context.RawUtf8.IsEmpty)
        {
            _json.WriteString("raw"u8, Encoding.UTF8.GetString(context.RawUtf8.Span));
        }
        else if (context.Record is not null)
        {
            _json.WritePropertyName("data"u8);
            JsonValueWriter.WriteRecord(_json, context.Record);
        }

        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        "\n"u8.CopyTo(_buffer.GetSpan(1));
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _file.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }
}
