using System.Collections.Concurrent;
using Xunit;

namespace FsmGen.Tests.Execution;

[Collection(SerialTiming.Name)]
public sealed class FlowStreamTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Results_ReachTheSinkInSourceOrder_WithFourWorkers()
    {
        var values = Enumerable.Range(0, 300).Select(i => i % 10 == 3 ? -i : i).ToArray();
        var source = new ProbeSource(values);
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };
        var delivered = new List<FlowResult<DoublerState, int>>();
        var sinkActive = 0;
        var sinkOverlaps = 0;

        var summary = await FlowStream.RunAsync(
            source.ReadAsync(),
            probe.CreateMachine,
            async (result, _) =>
            {
                if (Interlocked.Increment(ref sinkActive) > 1)
                {
                    Interlocked.Increment(ref sinkOverlaps);
                }

                await Task.Yield();
                delivered.Add(result);
                Interlocked.Decrement(ref sinkActive);
            },
            new StreamOptions(bufferSize: 8, parallelWorkers: 4),
            CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(values.Length, delivered.Count);
        for (var i = 0; i < values.Length; i++)
        {
            var expected = DoublingMachine.Evaluate(values[i]);
            Assert.Equal(expected.Data, delivered[i].Data);
            Assert.Equal(expected.Succeeded, delivered[i].Succeeded);
        }

        Assert.Equal(0, sinkOverlaps);
        Assert.Equal(0, probe.ReentrantCalls);
        Assert.Equal(300, summary.Read);
        Assert.Equal(30, summary.Failed);
        Assert.Equal(270, summary.Succeeded);
        Assert.Equal(269, summary.Emitted);
        Assert.Equal(0, summary.Dropped);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task WithoutPreserveOrder_EveryResultReachesTheSinkExactlyOnce()
    {
        var source = ProbeSource.Range(200);
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };
        var delivered = new ConcurrentBag<int>();

        var summary = await FlowStream.RunAsync(
            source.ReadAsync(),
            probe.CreateMachine,
            (result, _) =>
            {
                delivered.Add(result.Data);
                return ValueTask.CompletedTask;
            },
            new StreamOptions(bufferSize: 4, parallelWorkers: 3, preserveOrder: false),
            CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 2), delivered.Order());
        Assert.Equal(200, summary.Read);
        Assert.Equal(200, summary.Succeeded);
    }

    [Fact]
    public async Task SlowSink_ThrottlesTheSource_ToBufferPlusWorkersAhead()
    {
        const int bufferSize = 4;
        const int workers = 2;
        const int blockingCall = 3;
        const int slack = 2;
        var source = ProbeSource.Range(2000);
        var probe = new MachineProbe();
        var sinkCalls = 0;
        var worstLead = int.MinValue;
        var sinkBlocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSink = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = FlowStream.RunAsync(
            source.ReadAsync(),
            probe.CreateMachine,
            async (_, token) =>
            {
                var call = ++sinkCalls;
                worstLead = Math.Max(worstLead, source.Yielded - call);
                if (call == blockingCall)
                {
                    sinkBlocked.SetResult();
                    await releaseSink.Task.WaitAsync(token);
                }
            },
            new StreamOptions(bufferSize, workers),
            CancellationToken.None);

        await sinkBlocked.Task.WaitAsync(Timeout);

        // Wait until the pipeline has visibly filled behind the blocked sink, then give the source a chance to overrun.
        var deadline = DateTime.UtcNow + Timeout;
        while (source.Yielded < blockingCall + bufferSize && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }

        await Task.Delay(50);
        var yieldedWhileBlocked = source.Yielded;
        Assert.InRange(yieldedWhileBlocked, blockingCall + bufferSize, blockingCall + bufferSize + workers + slack);

        releaseSink.SetResult();
        var summary = await run.WaitAsync(Timeout);

        Assert.Equal(2000, summary.Succeeded);
        Assert.InRange(worstLead, 0, bufferSize + workers + slack);
    }

    [Fact]
    public async Task DropNewest_KeepsTheFirstRecords_AndCountsAndReportsEveryDrop()
    {
        var source = ProbeSource.Range(50);
        var (summary, delivered, dropped) = await RunWithStalledSinkAsync(source, BackpressureMode.DropNewest);

        AssertEveryRecordAccountedFor(summary, delivered, dropped, 50);
        Assert.Equal(Enumerable.Range(0, delivered.Count), delivered);
        Assert.InRange(delivered.Count, 1, 2 + 1 + 1);
    }

    [Fact]
    public async Task DropOldest_KeepsTheLatestRecords_AndCountsAndReportsEveryDrop()
    {
        var source = ProbeSource.Range(50);
        var (summary, delivered, dropped) = await RunWithStalledSinkAsync(source, BackpressureMode.DropOldest);

        AssertEveryRecordAccountedFor(summary, delivered, dropped, 50);
        Assert.Equal([48, 49], delivered.TakeLast(2));
        Assert.InRange(delivered.Count, 2, 2 + 1 + 1);
    }

    [Fact]
    public async Task FailMode_ThrowsWhenTheBufferIsFull_AfterStoppingEverything()
    {
        var source = ProbeSource.Endless();
        var probe = new MachineProbe();

        var thrown = await Assert.ThrowsAsync<StreamBufferFullException>(() =>
            FlowStream.RunAsync(
                source.ReadAsync(),
                probe.CreateMachine,
                async (_, token) => await Task.Delay(System.Threading.Timeout.Infinite, token),
                new StreamOptions(bufferSize: 2, backpressure: BackpressureMode.Fail),
                CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(2, thrown.BufferSize);
        Assert.Contains("full", thrown.Message, StringComparison.Ordinal);
        Assert.True(source.Disposed);
        Assert.Equal(0, probe.Active);
    }

    [Fact]
    public async Task CancellationMidStream_StopsEverything_AndDisposesTheSource()
    {
        using var cts = new CancellationTokenSource();
        var source = ProbeSource.Endless();
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };
        var sinkCalls = 0;
        var sinkActive = 0;

        var thrown = await Assert.ThrowsAsync<OperationCanceledException>(() =>
            FlowStream.RunAsync(
                source.ReadAsync(),
                probe.CreateMachine,
                async (_, _) =>
                {
                    Interlocked.Increment(ref sinkActive);
                    await Task.Yield();
                    if (++sinkCalls == 10)
                    {
                        cts.Cancel();
                    }

                    Interlocked.Decrement(ref sinkActive);
                },
                new StreamOptions(bufferSize: 4, parallelWorkers: 3),
                cts.Token).WaitAsync(Timeout));

        Assert.Equal(cts.Token, thrown.CancellationToken);
        Assert.True(source.Disposed);
        Assert.Equal(0, probe.Active);
        Assert.Equal(0, sinkActive);
        Assert.Equal(10, sinkCalls);
    }

    [Fact]
    public async Task SinkException_StopsTheRunAndIsRethrown()
    {
        var source = ProbeSource.Endless();
        var probe = new MachineProbe();
        var failure = new InvalidOperationException("sink broke");
        var sinkCalls = 0;

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FlowStream.RunAsync(
                source.ReadAsync(),
                probe.CreateMachine,
                (_, _) => ++sinkCalls == 5 ? throw failure : ValueTask.CompletedTask,
                new StreamOptions(bufferSize: 4, parallelWorkers: 2),
                CancellationToken.None).WaitAsync(Timeout));

        Assert.Same(failure, thrown);
        Assert.Equal(5, sinkCalls);
        Assert.True(source.Disposed);
        Assert.Equal(0, probe.Active);
    }

    [Fact]
    public async Task SourceException_StopsTheRunAndIsRethrown()
    {
        var source = new ProbeSource(Enumerable.Range(0, 100)) { ThrowAtIndex = 7 };
        var probe = new MachineProbe();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FlowStream.RunAsync(
                source.ReadAsync(),
                probe.CreateMachine,
                (_, _) => ValueTask.CompletedTask,
                new StreamOptions(bufferSize: 4, parallelWorkers: 2),
                CancellationToken.None).WaitAsync(Timeout));

        Assert.Same(source.SourceFailure, thrown);
        Assert.Equal(0, probe.Active);
    }

    [Fact]
    public async Task EmptySource_ReturnsAnEmptySummary()
    {
        var summary = await FlowStream.RunAsync(
            ProbeSource.Range(0).ReadAsync(),
            new MachineProbe().CreateMachine,
            (_, _) => ValueTask.CompletedTask,
            StreamOptions.Default,
            CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(0, summary.Read);
    }

    [Fact]
    public void StreamOptions_Defaults()
    {
        var options = new StreamOptions();

        Assert.Equal(1024, options.BufferSize);
        Assert.Equal(1, options.ParallelWorkers);
        Assert.Equal(BackpressureMode.Wait, options.Backpressure);
        Assert.True(options.PreserveOrder);
    }

    [Theory]
    [InlineData(0, 1, BackpressureMode.Wait, "bufferSize")]
    [InlineData(-1, 1, BackpressureMode.Wait, "bufferSize")]
    [InlineData(8, 0, BackpressureMode.Wait, "parallelWorkers")]
    [InlineData(8, 1, (BackpressureMode)42, "backpressure")]
    public void StreamOptions_RejectsOutOfRangeValues_NamingTheField(int bufferSize, int parallelWorkers, BackpressureMode backpressure, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StreamOptions(bufferSize, parallelWorkers, backpressure));

        Assert.Equal(field, error.ParamName);
    }

    /// <summary>
    /// Buffer of 2, one worker, and a sink that holds the first result until the source is exhausted: everything
    /// the source yields meanwhile finds the pipeline full, so the drop mode decides deterministically.
    /// </summary>
    private static async Task<(StreamSummary Summary, List<int> Delivered, List<int> Dropped)> RunWithStalledSinkAsync(
        ProbeSource source, BackpressureMode mode)
    {
        var delivered = new List<int>();
        var dropped = new List<int>();

        var summary = await FlowStream.RunAsync(
            source.ReadAsync(),
            new MachineProbe().CreateMachine,
            async (result, token) =>
            {
                if (delivered.Count == 0)
                {
                    await source.Exhausted.Task.WaitAsync(token);
                }

                delivered.Add(result.Data / 2);
            },
            new StreamOptions(bufferSize: 2, parallelWorkers: 1, backpressure: mode),
            dropped.Add,
            CancellationToken.None).WaitAsync(Timeout);

        return (summary, delivered, dropped);
    }

    private static void AssertEveryRecordAccountedFor(StreamSummary summary, List<int> delivered, List<int> dropped, int total)
    {
        Assert.Equal(total, summary.Read);
        Assert.Equal(summary.Read, summary.Succeeded + summary.Failed + summary.Dropped);
        Assert.True(summary.Dropped > 0, "the stalled sink should have forced drops");
        Assert.Equal(summary.Dropped, dropped.Count);
        Assert.Equal(summary.Succeeded, delivered.Count);
        Assert.Equal(Enumerable.Range(0, total), delivered.Concat(dropped).Order());
        for (var i = 1; i < delivered.Count; i++)
        {
            Assert.True(delivered[i] > delivered[i - 1], $"delivered out of order: {string.Join(",", delivered)}");
        }
    }

    private static async ValueTask RandomPauseAsync(int input, CancellationToken cancellationToken)
    {
        switch (Random.Shared.Next(3))
        {
            case 0:
                await Task.Yield();
                break;
            case 1:
                await Task.Delay(Random.Shared.Next(1, 3), cancellationToken);
                break;
        }
    }
}
