namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// Writes blocks of output to a stream on a pool thread while the run fills the next block: the system calls that copy
/// the output into the file (about a third of a CSV -> JSON Lines run's time, measured) leave the record loop. One block
/// is in flight at a time, so blocks reach the file in order; the caller waits only when the previous block is still
/// being written when the next one is full.
/// </summary>
internal sealed class WriteBehind(Stream output)
{
    private Task _inFlight = Task.CompletedTask;

    /// <summary>Whether the previous block has been written, so that <see cref="Start"/> will not wait.</summary>
    public bool IsIdle => _inFlight.IsCompleted;

    /// <summary>Waits until the previous block has been written; throws what writing it threw.</summary>
    public Task WaitAsync() => _inFlight;

    /// <summary>
    /// Starts writing <paramref name="block"/>, which the caller must leave untouched until the next <see cref="WaitAsync"/>
    /// has completed. Call only when <see cref="IsIdle"/>, after <see cref="WaitAsync"/> (which reports the previous block's failure).
    /// </summary>
    public void Start(ReadOnlyMemory<byte> block)
    {
        _inFlight.GetAwaiter().GetResult();
        _inFlight = Task.Run(() => output.Write(block.Span));
    }

    /// <summary>Waits for the block in flight, ignoring its failure: the run is ending with another one, or being cancelled.</summary>
    public async ValueTask DrainAsync()
    {
        try
        {
            await _inFlight.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            // The run already failed, or is failing for this very reason at its next write or at the end.
        }
    }
}
