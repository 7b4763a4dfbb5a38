using System.Text.Json;
using FsmGen.Patterns.FileProcessing.Generated;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// JSON Lines or a JSON array through <see cref="Utf8JsonWriter"/>, into a buffer written to the file in blocks of 1 MiB:
/// one block is written by another thread (<see cref="WriteBehind"/>) while the next fills up.
/// </summary>
internal sealed class TypedJsonWriter<TRecord> : TypedRecordWriter<TRecord>
{
    // One write call per MiB of output (measured faster here than 64 KiB blocks).
    private const int FlushThreshold = 1024 * 1024;

    private readonly Stream _output;
    private readonly TypedRecordFormat<TRecord> _format;
    private readonly bool _asArray;
    private readonly WriteBehind _writeBehind;
    private readonly Utf8JsonWriter _json;
    private RewindableBuffer _buffer = new(FlushThreshold * 2);

    // The block being written in the background; filled next, once that write has finished.
    private RewindableBuffer _spare = new(FlushThreshold * 2);
    private bool _any;

    public TypedJsonWriter(Stream output, TypedRecordFormat<TRecord> format, bool asArray)
    {
        _output = output;
        _format = format;
        _asArray = asArray;
        _writeBehind = new WriteBehind(output);
        _json = new Utf8JsonWriter(_buffer, JsonValueWriter.WriterOptions);
    }

    public override ValueTask WriteAsync(TRecord record, CancellationToken cancellationToken)
    {
        var start = _buffer.WrittenCount;
        try
        {
            if (_asArray)
            {
                _buffer.Append(_any ? ",\n"u8 : "[\n"u8);
            }

            _format.WriteJson(_json, record);
            _json.Flush();
        }
        catch
        {
            _json.Reset();
            _buffer.Rewind(start);
            throw;
        }

        _json.Reset();
        _any = true;
        if (!_asArray)
        {
            _buffer.Append("\n"u8);
        }

        if (_buffer.WrittenCount < FlushThreshold)
        {
            return default;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_writeBehind.IsIdle)
        {
            StartBlock();
            return default;
        }

        return WaitThenStartBlockAsync();
    }

    public override async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_asArray)
        {
            _buffer.Append(_any ? "\n]\n"u8 : "[]\n"u8);
        }

        await _writeBehind.WaitAsync().ConfigureAwait(false);
        await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.Rewind(0);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        // The output stream is disposed after this writer: no block may still be on its way to it.
        await _writeBehind.DisposeAsync().ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
        _buffer.Dispose();
        _spare.Dispose();
    }

    private async ValueTask WaitThenStartBlockAsync()
    {
        await _writeBehind.WaitAsync().ConfigureAwait(false);
        StartBlock();
    }

    /// <summary>Hands the full buffer to the background write and goes on in the spare one (whose write has finished).</summary>
    private void StartBlock()
    {
        _writeBehind.Start(_buffer.WrittenMemory);
        (_buffer, _spare) = (_spare, _buffer);
        _buffer.Rewind(0);
        _json.Reset(_buffer);
    }
}
