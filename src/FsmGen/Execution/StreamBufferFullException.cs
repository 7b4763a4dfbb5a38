namespace FsmGen;

/// <summary>Thrown by <see cref="FlowStream"/> with <see cref="BackpressureMode.Fail"/> when a record arrives and the buffer is full.</summary>
public sealed class StreamBufferFullException : InvalidOperationException
{
    /// <summary>Creates the exception for a buffer of <paramref name="bufferSize"/> records.</summary>
    /// <param name="bufferSize">The capacity that was exceeded.</param>
    /// <param name="recordsRead">How many records had been read from the source, the rejected one included.</param>
    public StreamBufferFullException(int bufferSize, long recordsRead)
        : base($"The stream buffer is full ({bufferSize} records waiting) when record #{recordsRead} arrived, and backpressure is Fail. " +
               "The workers or the sink are slower than the source; raise BufferSize or ParallelWorkers, or choose Wait or a drop mode.")
    {
        BufferSize = bufferSize;
        RecordsRead = recordsRead;
    }

    /// <summary>The capacity that was exceeded.</summary>
    public int BufferSize { get; }

    /// <summary>How many records had been read from the source, the rejected one included.</summary>
    public long RecordsRead { get; }
}
