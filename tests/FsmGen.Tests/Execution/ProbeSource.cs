using System.Runtime.CompilerServices;

namespace FsmGen.Tests.Execution;

/// <summary>An async source that counts what it yielded and records whether its enumerator was disposed.</summary>
internal sealed class ProbeSource(IEnumerable<int> values)
{
    private int _yielded;
    private volatile bool _disposed;

    /// <summary>Thrown instead of yielding the value at this index, when set.</summary>
    public int? ThrowAtIndex { get; init; }

    public Exception SourceFailure { get; } = new InvalidOperationException("The source broke.");

    /// <summary>Completed once the source has yielded every value.</summary>
    public TaskCompletionSource Exhausted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Yielded => Volatile.Read(ref _yielded);

    public bool Disposed => _disposed;

    public static ProbeSource Range(int count) => new(Enumerable.Range(0, count));

    public static ProbeSource Endless() => new(EndlessValues());

    public async IAsyncEnumerable<int> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            var index = 0;
            foreach (var value in values)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (index == ThrowAtIndex)
                {
                    throw SourceFailure;
                }

                Interlocked.Increment(ref _yielded);
                index++;
                yield return value;
            }

            Exhausted.TrySetResult();
        }
        finally
        {
            _disposed = true;
        }

        // Keeps the iterator genuinely asynchronous for the compiler; real sources usually are.
        await Task.CompletedTask;
    }

    private static IEnumerable<int> EndlessValues()
    {
        for (var value = 0; ; value++)
        {
            yield return value;
        }
    }
}
