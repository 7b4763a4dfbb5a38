using System.Buffers;
using System.Text.Json;
using CsvHelper;
using FsmGen.Patterns.FileProcessing.Generated;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes typed records with the generated <see cref="TypedRecordFormat{TRecord}"/>, in the order given, whole or not
/// at all: a record that throws while it is written leaves nothing of it in the output.
/// </summary>
/// <typeparam name="TRecord">The record type.</typeparam>
internal abstract class TypedRecordWriter<TRecord> : IAsyncDisposable
{
    public static TypedRecordWriter<TRecord> Create(FileProcessingConfig config, Stream output, TypedRecordFormat<TRecord> format) => config.OutputFormat switch
    {
        FileFormat.JsonLines => new TypedJsonWriter<TRecord>(output, format, asArray: false),
        FileFormat.Json => new TypedJsonWriter<TRecord>(output, format, asArray: true),
        FileFormat.Csv => new TypedCsvWriter<TRecord>(output, format, ',', config.CsvInjection),
        FileFormat.Tsv => new TypedCsvWriter<TRecord>(output, format, '\t', config.CsvInjection),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.OutputFormat, "Typed processors write JSON Lines, JSON, CSV or TSV."),
    };

    /// <summary>Writes <paramref name="record"/>; throws (having written nothing of it) when it cannot be written.</summary>
    public abstract ValueTask WriteAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>Finishes the document and flushes everything to the output stream.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

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

    /// <summary>A growable byte buffer that can drop what was written after a mark (a record that failed half-way).</summary>
    private sealed class RewindableBuffer(int capacity) : IBufferWriter<byte>
    {
        private byte[] _bytes = new byte[capacity];

        public int WrittenCount { get; private set; }

        public ReadOnlyMemory<byte> WrittenMemory => _bytes.AsMemory(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => _bytes.AsMemory(Reserve(sizeHint));

        public Span<byte> GetSpan(int sizeHint = 0) => _bytes.AsSpan(Reserve(sizeHint));

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(GetSpan(bytes.Length));
            WrittenCount += bytes.Length;
        }

        public void Rewind(int count) => WrittenCount = count;

        private int Reserve(int sizeHint)
        {
            var needed = WrittenCount + Math.Max(sizeHint, 256);
            if (needed > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
            }

            return WrittenCount;
        }
    }
}

/// <summary>CSV or TSV through CsvHelper's writer: the header is the record type's columns, written first.</summary>
internal sealed class TypedCsvWriter<TRecord> : TypedRecordWriter<TRecord>
{
    private readonly CsvWriter _csv;
    private readonly TypedRecordFormat<TRecord> _format;

    public TypedCsvWriter(Stream output, TypedRecordFormat<TRecord> format, char separator, CsvInjection injection)
    {
        _format = format;
        var options = new CsvWriterOptions
        {
            Separator = separator,
            Injection = injection,
            TrueValue = "true",
            FalseValue = "false",
            NewLine = "\n",
        };
        _csv = CsvWriter.Create(output, options, leaveOpen: true);
        _csv.WriteHeader(format.ColumnNames);
    }

    public override ValueTask WriteAsync(TRecord record, CancellationToken cancellationToken)
    {
        // CsvHelper discards a record whose field throws (formula injection with CsvInjection.Throw).
        _format.WriteCsv(_csv, record);
        return _csv.EndRecordAsync(cancellationToken);
    }

    public override ValueTask CompleteAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}
