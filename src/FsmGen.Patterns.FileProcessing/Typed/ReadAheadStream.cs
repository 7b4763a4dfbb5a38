using System.Buffers;
using System.Runtime.ExceptionServices;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// A read-only stream that reads the next 1 MiB block of the input file on a thread of its own while the run parses the
/// current one, so that the system calls that copy the file into memory leave the record loop when a second core is free.
/// Reads complete synchronously: they copy from the block read ahead, and wait only when that block is not there yet.
/// The thread blocks while it has nothing to read rather than spinning. Owns (and disposes) the inner stream; its two
/// blocks come from the shared array pool, as a run's buffers would otherwise cost a full garbage collection per file.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private const int BlockSize = 1024 * 1024;

    private readonly Stream _inner;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private byte[] _current = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _currentLength;
    private int _consumed;
    private bool _endOfInput;
    private bool _started;
    private long _delivered;
    private bool _disposed;

    // The block being read ahead, guarded by _gate.
    private byte[] _next = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _nextLength;
    private ExceptionDispatchInfo? _nextFailure;
    private bool _nextReady;
    private bool _nextWanted = true;
    private bool _stopping;

    public ReadAheadStream(Stream inner)
    {
        _inner = inner;

        // Started by the first read: a stream that is never read (its reader failed to start) leaves no thread behind.
        _thread = new Thread(ReadBlocks) { IsBackground = true, Name = "FsmGen read-ahead" };
    }

    /// <summary>The bytes that reads have returned so far (progress: what the reader has taken, not what was read ahead).</summary>
    public long BytesDelivered => Volatile.Read(ref _delivered);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_consumed == _currentLength && !TakeNextBlock())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _currentLength - _consumed);
        _current.AsSpan(_consumed, count).CopyTo(buffer);
        _consumed += count;
        Volatile.Write(ref _delivered, _delivered + count);
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            lock (_gate)
            {
                _stopping = true;
                Monitor.Pulse(_gate);
            }

            // A read in flight finishes before the file is closed under it.
            if (_started)
            {
                _thread.Join();
            }

            _inner.Dispose();
            ArrayPool<byte>.Shared.Return(_current);
            ArrayPool<byte>.Shared.Return(_next);
            _current = _next = [];
            _currentLength = _consumed = 0;
            _endOfInput = true;
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes the block read ahead the current one and starts reading the next; false at the end of the input.</summary>
    private bool TakeNextBlock()
    {
        if (_endOfInput)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            _thread.Start();
        }

        lock (_gate)
        {
            while (!_nextReady)
            {
                Monitor.Wait(_gate);
            }

            _nextFailure?.Throw();
            (_current, _next) = (_next, _current);
            _currentLength = _nextLength;
            _consumed = 0;
            _nextReady = false;
            _endOfInput = _currentLength == 0;
            _nextWanted = !_endOfInput;
            Monitor.Pulse(_gate);
        }

        return !_endOfInput;
    }

    private void ReadBlocks()
    {
        while (true)
        {
            byte[] block;
            lock (_gate)
            {
                while (!_nextWanted && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopping)
                {
                    return;
                }

                _nextWanted = false;
                block = _next;
            }

            var length = 0;
            ExceptionDispatchInfo? failure = null;
            try
            {
                length = _inner.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _nextLength = length;
                _nextFailure = failure;
                _nextReady = true;
                Monitor.Pulse(_gate);
            }
        }
    }
}
