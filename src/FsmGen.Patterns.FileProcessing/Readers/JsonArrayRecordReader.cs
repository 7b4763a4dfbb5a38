using System.Buffers;
using System.Text.Json;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Reads a JSON array element by element with <see cref="Utf8JsonReader"/> over a pooled buffer that holds at most one
/// element (plus a block), so a large array is never loaded whole. Each element's bytes go to the parse stage; an
/// element that is not an object fails there. JSON cannot be resynchronised after a syntax error, so a syntax error
/// or truncation makes the rest of the input one failed record, located at the byte and line where it starts.
/// A top-level object (instead of an array) is read as a single record.
/// </summary>
internal sealed class JsonArrayRecordReader : RecordReader
{
    private const int BlockSize = 64 * 1024;
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly Stream _source;
    private readonly Stream? _transcoder;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _linesBeforeStart = 1;
    private bool _endOfInput;
    private JsonReaderState _state = new(Options);

    public JsonArrayRecordReader(FileProcessingConfig config, InputStream input)
        : base(config, input)
    {
        _source = input;
        if (config.Encoding is not System.Text.UTF8Encoding)
        {
            _transcoder = System.Text.Encoding.CreateTranscodingStream(input, config.Encoding, System.Text.Encoding.UTF8, leaveOpen: true);
            _source = _transcoder;
        }
    }

    private enum Step
    {
        Element,
        NeedMoreInput,
        EndOfArray,
        SingleObject,
        Broken,
    }

    protected override string EmptyInputReason => "the file has no records (it is empty or an empty JSON array)";

    protected override async IAsyncEnumerable<RecordContext> ReadRecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken).ConfigureAwait(false);
        SkipByteOrderMark();
        var inArray = false;
        while (true)
        {
            var step = inArray ? NextElement(out var element, out var problem) : Opening(out element, out problem);
            switch (step)
            {
                case Step.NeedMoreInput when !_endOfInput && _end - _start <= Config.MaxRecordSize:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                case Step.NeedMoreInput:
                    yield return RestUnreadable(_endOfInput
                        ? (IsBlank(_start, _end) ? "truncated JSON: the array is never closed" : "truncated JSON: the input ends inside a record")
                        : $"a record is longer than MaxRecordSize ({Config.MaxRecordSize} bytes)");
                    yield break;
                case Step.Broken:
                    yield return RestUnreadable(problem!);
                    yield break;
                case Step.EndOfArray:
                    if (!await OnlyWhitespaceRemainsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return RestUnreadable("text follows the end of the JSON array");
                    }

                    yield break;
                case Step.SingleObject:
                    yield return element!;
                    if (!await OnlyWhitespaceRemainsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return RestUnreadable("text follows the top-level JSON object");
                    }

                    yield break;
                default:
                    if (element is null)
                    {
                        inArray = true; // consumed the opening bracket
                    }
                    else
                    {
                        yield return element;
                    }

                    continue;
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        if (_transcoder is not null)
        {
            await _transcoder.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads the top-level token: '[' opens the array, '{' is a single record.</summary>
    private Step Opening(out RecordContext? element, out string? problem)
    {
        element = null;
        problem = null;
        if (IsBlank(_start, _end))
        {
            // An empty file has no records; the base reader decides whether that is an error.
            return _endOfInput ? Step.EndOfArray : Step.NeedMoreInput;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            if (!reader.Read())
            {
                return Step.NeedMoreInput;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                Commit(ref reader);
                return Step.Element;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var begin = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return Step.NeedMoreInput;
                }

                element = Element(begin, (int)reader.BytesConsumed);
                Commit(ref reader);
                return Step.SingleObject;
            }

            problem = $"the top-level JSON value is not an array (it is {reader.TokenType})";
            return Step.Broken;
        }
        catch (JsonException e)
        {
            problem = SyntaxError(e);
            return Step.Broken;
        }
    }

    /// <summary>Reads the next element of the array, or its end.</summary>
    private Step NextElement(out RecordContext? element, out string? problem)
    {
        element = null;
        problem = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            if (!reader.Read())
            {
                return Step.NeedMoreInput;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref reader);
                return Step.EndOfArray;
            }

            var begin = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return Step.NeedMoreInput;
            }

            element = Element(begin, (int)reader.BytesConsumed);
            Commit(ref reader);
            return Step.Element;
        }
        catch (JsonException e)
        {
            problem = SyntaxError(e);
            return Step.Broken;
        }
    }

    private RecordContext Element(int begin, int end)
    {
        var bytes = _buffer.AsSpan(_start + begin, end - begin);
        return new RecordContext
        {
            LineNumber = _linesBeforeStart + _buffer.AsSpan(_start, begin).Count((byte)'\n'),
            ByteOffset = _bufferOffset + _start + begin,
            RawUtf8 = bytes.ToArray(),
        };
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesBeforeStart += _buffer.AsSpan(_start, consumed).Count((byte)'\n');
        LinesRead = _linesBeforeStart;
        _start += consumed;
        _state = reader.CurrentState;
    }

    private string SyntaxError(JsonException e)
    {
        var line = _linesBeforeStart + (e.LineNumber ?? 0);
        var detail = Config.IncludeValuesInErrors ? $": {e.Message}" : string.Empty;
        return $"JSON syntax error at line {line}{detail}; JSON cannot be resynchronised, so the rest of the input cannot be read";
    }

    /// <summary>The rest of the input as one failed record, starting where the last good element ended.</summary>
    private RecordContext RestUnreadable(string reason)
    {
        var firstNonBlank = _start;
        while (firstNonBlank < _end && _buffer[firstNonBlank] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',')
        {
            firstNonBlank++;
        }

        var line = _linesBeforeStart + _buffer.AsSpan(_start, firstNonBlank - _start).Count((byte)'\n');
        const int KeptPrefix = 1024;
        var raw = KeepRaw ? _buffer.AsSpan(firstNonBlank, Math.Min(KeptPrefix, _end - firstNonBlank)).ToArray() : default(ReadOnlyMemory<byte>);
        return RecordContext.Unreadable(line, _bufferOffset + firstNonBlank, reason, raw);
    }

    private async ValueTask<bool> OnlyWhitespaceRemainsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!IsBlank(_start, _end))
            {
                return false;
            }

            _linesBeforeStart += _buffer.AsSpan(_start, _end - _start).Count((byte)'\n');
            LinesRead = _linesBeforeStart;
            _start = _end;
            if (_endOfInput)
            {
                return true;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsBlank(int from, int to) => _buffer.AsSpan(from, to - from).Trim(" \t\r\n"u8).IsEmpty;

    private void SkipByteOrderMark()
    {
        if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < BlockSize / 2)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _endOfInput = read == 0;
    }
}
