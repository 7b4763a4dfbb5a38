using System.Buffers;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Splits a UTF-8 stream into lines (LF or CRLF) with a pooled buffer, tracking each line's number and byte offset.
/// A line longer than the limit is not kept: it is reported as too long and skipped up to its end, so memory stays
/// bounded whatever the input.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int BlockSize = 64 * 1024;
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _endOfInput;
    private bool _atStart = true;

    public Utf8LineReader(Stream stream, int maxLineLength)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    }

    /// <summary>The current line without its line break; valid until the next call to <see cref="ReadLineAsync"/>.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The byte offset where the current line starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Whether the current line was longer than the limit; <see cref="Line"/> then holds only its start.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>Moves to the next line.</summary>
    /// <returns>False at the end of the input.</returns>
    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        LineTooLong = false;
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var end = searchFrom + newline;
                SetLine(_start, end);
                _start = end + 1;
                return true;
            }

            if (_endOfInput)
            {
                if (_start == _end)
                {
                    return false;
                }

                SetLine(_start, _end);
                _start = _end;
                return true;
            }

            if (_end - _start >= _maxLineLength)
            {
                await SkipLongLineAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            var kept = _end - _start;
            await FillAsync(cancellationToken).ConfigureAwait(false);
            searchFrom = _start + kept;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void SetLine(int start, int end)
    {
        LineNumber++;
        LineOffset = _bufferOffset + start;
        if (end > start && _buffer[end - 1] == (byte)'\r')
        {
            end--;
        }

        Line = _buffer.AsMemory(start, end - start);
    }

    /// <summary>Reports the current (too long) line with its first bytes and discards the rest of it.</summary>
    private async ValueTask SkipLongLineAsync(CancellationToken cancellationToken)
    {
        LineNumber++;
        LineOffset = _bufferOffset + _start;
        LineTooLong = true;
        const int KeptPrefix = 1024;
        Line = _buffer.AsSpan(_start, Math.Min(KeptPrefix, _end - _start)).ToArray();
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return;
            }

            _start = _end;
            if (_endOfInput)
            {
                return;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer if they fill it) and reads more after them.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfInput = true;
            return;
        }

        _end += read;
        if (_atStart && _bufferOffset == 0 && _end >= 3)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, 3).SequenceEqual(Utf8Bom))
            {
                _start = 3;
            }
        }
    }
}
