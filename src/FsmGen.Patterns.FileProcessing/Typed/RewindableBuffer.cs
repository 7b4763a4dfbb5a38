using System.Buffers;

namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// A growable byte buffer that can drop what was written after a mark (a record that failed half-way). Its array comes
/// from the shared pool and goes back on <see cref="Dispose"/>: a run's output buffers are megabytes, and allocating
/// them anew for every file costs a full garbage collection each time (large object heap).
/// </summary>
internal sealed class RewindableBuffer(int capacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);

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

    /// <summary>Returns the array to the pool; call only once nothing reads <see cref="WrittenMemory"/> any more.</summary>
    public void Dispose()
    {
        if (_bytes.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        WrittenCount = 0;
    }

    private int Reserve(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 256);
        if (needed > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
            _bytes.AsSpan(0, WrittenCount).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        return WrittenCount;
    }
}
