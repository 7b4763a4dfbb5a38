namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>Keeps a broken test from hanging; never used to assert how long something took.</summary>
internal static class Guard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this ValueTask<T> pending) => pending.AsTask().WaitAsync(Timeout);

    public static Task Within(this Task pending) => pending.WaitAsync(Timeout);

    public static Task<T> Within<T>(this Task<T> pending) => pending.WaitAsync(Timeout);

    /// <summary>Waits until <paramref name="condition"/> holds, polling; for states reached on other threads.</summary>
    public static async Task Until(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(1, deadline.Token);
        }
    }
}
