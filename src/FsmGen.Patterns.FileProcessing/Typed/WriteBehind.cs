namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes blocks of output to a stream on a thread of its own while the run fills the next block: the system calls that
/// copy the output into the file (about a third of a CSV -> JSON Lines run's time, measured) leave the record loop when a
/// second core is free. One block is in flight at a time, so blocks reach the file in order; the run waits only when the
/// previous block is still being written when the next one is full. The thread blocks while it has nothing to write
/// rather than spinning (pool threads that spin between short work items cost more than they save on a busy machine).
/// </summary>
internal sealed class WriteBehind : IAsyncDisposable
{
    private readonly Stream _output;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private ReadOnlyMemory<byte> _block;
    private TaskCompletionSource? _written;
    private Task _inFlight = Task.CompletedTask;
    private bool _stopping;

    public WriteBehind(Stream output)
    {
        _output = output;
        _thread = new Thread(WriteBlocks) { IsBackground = true, Name = "FsmGen write-behind" };
        _thread.Start();
    }

    /// <summary>Whether the previous block has been written, so that <see cref="Start"/> will not wait.</summary>
    public bool IsIdle => _inFlight.IsCompleted;

    /// <summary>Completes when the previous block has been written; faults with what writing it threw.</summary>
    public Task WaitAsync() => _inFlight;

    /// <summary>
    /// Starts writing <paramref name="block"/>, which the caller must leave untouched until the next <see cref="WaitAsync"/>
    /// has completed. Call only when <see cref="IsIdle"/>; throws what writing the previous block threw.
    /// </summary>
    public void Start(ReadOnlyMemory<byte> block)
    {
        _inFlight.GetAwaiter().GetResult();

        // Continuations run on the pool, never on the writing thread.
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _block = block;
            _written = written;
            Monitor.Pulse(_gate);
        }

        _inFlight = written.Task;
    }

    /// <summary>Waits for the block in flight, ignoring its failure (the run is ending with another one, or cancelled), and ends the thread.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _inFlight.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            // The run already failed, or fails for this very reason at its next write or at the end.
        }

        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }
    }

    private void WriteBlocks()
    {
        while (true)
        {
            ReadOnlyMemory<byte> block;
            TaskCompletionSource written;
            lock (_gate)
            {
                while (_written is null && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_written is null)
                {
                    return;
                }

                (block, written, _block, _written) = (_block, _written, default, null);
            }

            try
            {
                _output.Write(block.Span);
                written.SetResult();
            }
            catch (Exception e)
            {
                written.SetException(e);
            }
        }
    }
}
