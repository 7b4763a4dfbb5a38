using Xunit;

namespace FsmGen.Tests.Execution;

public sealed class FlowBatchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Results_KeepInputOrder_WithFourWorkersAndRandomDelays()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => i % 9 == 4 ? -i : i).ToArray();
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };

        var batch = await FlowBatch.RunAsync(probe.CreateMachine, inputs, new BatchOptions(batchSize: 7, parallelWorkers: 4), CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.Equal(inputs.Length, batch.Results.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(DoublingMachine.Evaluate(inputs[i]).FinalState, batch.Results[i].FinalState);
            Assert.Equal(DoublingMachine.Evaluate(inputs[i]).Data, batch.Results[i].Data);
        }

        Assert.Equal(inputs.Length, probe.Calls);
        Assert.InRange(probe.Instances, 1, 4);
        Assert.InRange(probe.MaxActive, 1, 4);
        Assert.Equal(0, probe.ReentrantCalls);
    }

    [Fact]
    public async Task EveryRecord_HasExactlyOneOutcome_FailuresIncludedWithTheirError()
    {
        var inputs = Enumerable.Range(-5, 20).ToArray();
        var probe = new MachineProbe();

        var batch = await FlowBatch.RunAsync(probe.CreateMachine, inputs, new BatchOptions(batchSize: 3, parallelWorkers: 2), CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.Equal(20, batch.Total);
        Assert.Equal(5, batch.Failed);
        Assert.Equal(15, batch.Succeeded);
        Assert.Equal(14, batch.Emitted);
        Assert.Equal(batch.Total, batch.Succeeded + batch.Failed);
        Assert.Equal(20, probe.Calls);
        for (var i = 0; i < 5; i++)
        {
            var failure = batch.Results[i];
            Assert.False(failure.Succeeded);
            Assert.Equal(DoublerState.Start, failure.FailedState);
            var error = Assert.IsType<ArgumentOutOfRangeException>(failure.Error);
            Assert.Equal(inputs[i], error.ActualValue);
        }

        Assert.Equal(DoublerState.Filtered, batch.Results[5].FinalState);
        Assert.False(batch.Results[5].Emitted);
    }

    [Fact]
    public async Task MachineThatThrows_BecomesThatRecordsFailure_AndTheRunGoesOn()
    {
        var bug = new InvalidOperationException("machine bug");
        var probe = new MachineProbe { BeforeRun = (input, _) => input == 2 ? throw bug : ValueTask.CompletedTask };

        var batch = await FlowBatch.RunAsync(probe.CreateMachine, [1, 2, 3], BatchOptions.Default, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(3, batch.Total);
        Assert.Equal(1, batch.Failed);
        Assert.Same(bug, batch.Results[1].Error);
        Assert.Equal(2, batch.Results[1].Data);
        Assert.Equal(6, batch.Results[2].Data);
    }

    [Fact]
    public async Task SharedInstanceOverload_RunsEveryRecordOnThatInstance()
    {
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };
        var machine = probe.CreateMachine();
        var inputs = Enumerable.Range(1, 50).ToArray();

        var batch = await FlowBatch.RunAsync(machine, inputs, new BatchOptions(batchSize: 5, parallelWorkers: 3), CancellationToken.None)
            .WaitAsync(Timeout);

        Assert.Equal(1, probe.Instances);
        Assert.Equal(50, batch.Succeeded);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(inputs[i] * 2, batch.Results[i].Data);
        }
    }

    [Fact]
    public async Task Progress_IsReportedAfterEachBatch_IncreasingToTheTotal()
    {
        var progress = new RecordingProgress();
        var probe = new MachineProbe { BeforeRun = RandomPauseAsync };

        await FlowBatch.RunAsync(probe.CreateMachine, Enumerable.Range(0, 95).ToArray(), new BatchOptions(batchSize: 10, parallelWorkers: 3), progress)
            .WaitAsync(Timeout);

        var reports = progress.Reports.ToArray();
        Assert.Equal(10, reports.Length);
        for (var i = 1; i < reports.Length; i++)
        {
            Assert.True(reports[i].Completed > reports[i - 1].Completed, $"report {i} went from {reports[i - 1]} to {reports[i]}");
        }

        Assert.Equal(95, reports[^1].Completed);
        Assert.All(reports, report => Assert.Equal(95, report.Total));
    }

    [Fact]
    public async Task EmptyInput_ReturnsEmptyResult_WithoutCreatingMachines()
    {
        var probe = new MachineProbe();

        var batch = await FlowBatch.RunAsync(probe.CreateMachine, Array.Empty<int>(), BatchOptions.Default, CancellationToken.None);

        Assert.Equal(0, batch.Total);
        Assert.Equal(0, probe.Instances);
    }

    [Fact]
    public async Task FactoryFailure_IsRethrown()
    {
        var failure = new InvalidOperationException("no machine today");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FlowBatch.RunAsync<DoublerState, int>(() => throw failure, [1, 2, 3], new BatchOptions(parallelWorkers: 2), CancellationToken.None));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task Cancellation_WithOneWorker_StartsNoRecordAfterItIsObserved()
    {
        using var cts = new CancellationTokenSource();
        var probe = new MachineProbe
        {
            BeforeRun = (input, _) =>
            {
                if (input == 4)
                {
                    cts.Cancel();
                }

                return ValueTask.CompletedTask;
            },
        };

        var thrown = await Assert.ThrowsAsync<OperationCanceledException>(() =>
            FlowBatch.RunAsync(probe.CreateMachine, Enumerable.Range(0, 100).ToArray(), new BatchOptions(batchSize: 3), cts.Token));

        Assert.Equal(cts.Token, thrown.CancellationToken);
        Assert.Equal(5, probe.Calls);
        Assert.Equal(0, probe.Active);
    }

    [Fact]
    public async Task Cancellation_WithFourWorkers_StopsEveryWorkerBeforeThrowing()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;

        // The first three calls hang until cancelled; the fourth cancels, so exactly four calls can ever start.
        var probe = new MachineProbe
        {
            BeforeRun = async (_, token) =>
            {
                var call = Interlocked.Increment(ref started);
                if (call < 4)
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, token);
                }
                else
                {
                    cts.Cancel();
                }
            },
        };

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            FlowBatch.RunAsync(probe.CreateMachine, Enumerable.Range(0, 100).ToArray(), new BatchOptions(batchSize: 1, parallelWorkers: 4), cts.Token)
                .WaitAsync(Timeout));

        Assert.Equal(4, probe.Calls);
        Assert.Equal(0, probe.Active);
    }

    [Fact]
    public void BatchOptions_Defaults()
    {
        var options = new BatchOptions();

        Assert.Equal(1000, options.BatchSize);
        Assert.Equal(1, options.ParallelWorkers);
    }

    [Theory]
    [InlineData(0, 1, "batchSize")]
    [InlineData(-1, 1, "batchSize")]
    [InlineData(10, 0, "parallelWorkers")]
    [InlineData(10, -3, "parallelWorkers")]
    public void BatchOptions_RejectsNonPositiveValues_NamingTheField(int batchSize, int parallelWorkers, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions(batchSize, parallelWorkers));

        Assert.Equal(field, error.ParamName);
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
