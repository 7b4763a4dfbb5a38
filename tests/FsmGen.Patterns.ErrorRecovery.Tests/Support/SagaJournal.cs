using System.Collections.Concurrent;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>
/// The outside world a saga changes: it outlives "process restarts" (new saga instances), so a test can see what
/// really ran, and how many times.
/// </summary>
internal sealed class SagaJournal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public IReadOnlyList<string> Compensations => [.. _entries.Where(e => e.StartsWith("undo ", StringComparison.Ordinal))];

    public int Count(string entry) => _entries.Count(e => e == entry);

    /// <summary>Declares the four-step order saga whose third step fails (while <paramref name="failAt"/> says so).</summary>
    public SagaBuilder Declare(SagaBuilder builder, int failAt = 3)
    {
        for (var step = 1; step <= 4; step++)
        {
            var n = step;
            builder.Step(
                $"step{n}",
                _ =>
                {
                    _entries.Enqueue($"do {n}");
                    return n == failAt ? ValueTask.FromException(new IOException($"step {n} failed")) : ValueTask.CompletedTask;
                },
                _ =>
                {
                    _entries.Enqueue($"undo {n}");
                    return ValueTask.CompletedTask;
                });
        }

        return builder;
    }
}
