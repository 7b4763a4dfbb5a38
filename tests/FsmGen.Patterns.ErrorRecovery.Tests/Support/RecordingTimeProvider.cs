using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer armed on it, with its due time. Tests read the exact
/// delays the code asked for, and advance the clock only once a timer exists, so nothing depends on the wall clock.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Every due time armed so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    public DateTimeOffset Start { get; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this, Fake.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits (with a guard against hangs, not a timing assertion) for the next armed timer's due time.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _armed.Reader.ReadAsync().AsTask().WaitAsync(Guard.Timeout);

    public void Advance(TimeSpan by) => Fake.Advance(by);

    /// <summary>Milliseconds since the start of the fake clock.</summary>
    public double ElapsedMs => (GetUtcNow() - Start).TotalMilliseconds;

    /// <summary>
    /// Completes <paramref name="task"/> by advancing the clock by each timer's due time as it is armed. Only for code
    /// whose timers are all sequential delays (retry backoff).
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        while (true)
        {
            var next = NextTimerAsync();
            if (await Task.WhenAny(task, next).WaitAsync(Guard.Timeout) == task)
            {
                return await task;
            }

            Advance(await next);
        }
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _dueTimes.Enqueue(dueTime);
            _armed.Writer.TryWrite(dueTime);
        }
    }

    private sealed class RecordingTimer(RecordingTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
