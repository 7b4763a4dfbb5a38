namespace FsmGen.Tests.DataFlow;

/// <summary>
/// RunAsync of a machine with async members runs synchronously while every member completes synchronously and hands
/// the run to a continuation at the first await that is really pending. Each kind of await is held here: the run must
/// resume where it stopped and end exactly as an unheld run does; failures still end up in the result.
/// </summary>
public sealed class AsyncRunTests
{
    [Theory]
    [InlineData(1, "Load>StampAsync>Normal>Done")]
    [InlineData(9, "Load>Urgent>Done")]
    public async Task Completes_synchronously_when_every_member_does(int priority, string trail)
    {
        var running = new GatedFlow().RunAsync(new Ticket(priority));

        Assert.True(running.IsCompletedSuccessfully);
        var result = await running;
        Assert.Equal(trail, result.Data.Trail);
        Assert.True(result.Emitted);
    }

    [Theory]
    [InlineData("Load", 1)]
    [InlineData("IsUrgentAsync", 1)]
    [InlineData("LeaveAsync", 1)]
    [InlineData("StampAsync", 1)]
    [InlineData("Normal", 1)]
    [InlineData("IsUrgentAsync", 9)]
    [InlineData("Urgent", 9)]
    public async Task A_pending_await_suspends_the_run_and_it_ends_as_an_unheld_run(string held, int priority)
    {
        var expected = await new GatedFlow().RunAsync(new Ticket(priority));
        var flow = new GatedFlow();
        var gate = flow.Hold(held);

        var running = flow.RunAsync(new Ticket(priority));
        Assert.False(running.IsCompleted);
        gate.SetResult(true);
        var result = await running;

        Assert.Equal(expected.Data, result.Data);
        Assert.Equal(expected.FinalState, result.FinalState);
        Assert.Equal(expected.Steps, result.Steps);
        Assert.Equal(expected.Emitted, result.Emitted);
    }

    [Fact]
    public async Task A_pending_body_that_fails_later_takes_the_failure_route()
    {
        var flow = new GatedFlow();
        var gate = flow.Hold("Normal");

        var running = flow.RunAsync(new Ticket(1));
        gate.SetException(new TimeoutException("late"));
        var result = await running;

        Assert.True(result.Succeeded);
        Assert.Equal(GatedFlow.StateId.Failed, result.FinalState);
        Assert.IsType<TimeoutException>(result.HandledError);
        Assert.False(result.Emitted);
    }

    [Fact]
    public async Task A_member_that_throws_synchronously_fails_the_run_in_the_result_not_the_call()
    {
        var flow = new GatedFlow { Throws = "StampAsync" };

        var running = flow.RunAsync(new Ticket(1));
        var result = await running;

        Assert.False(result.Succeeded);
        Assert.Equal(GatedFlow.StateId.Load, result.FailedState);
        Assert.Equal("StampAsync failed", result.Error!.Message);
    }

    [Fact]
    public async Task Cancelling_while_a_member_is_pending_cancels_the_run_at_the_next_state()
    {
        using var cts = new CancellationTokenSource();
        var flow = new GatedFlow();
        var gate = flow.Hold("Load");

        var running = flow.RunAsync(new Ticket(1), cts.Token).AsTask();
        await cts.CancelAsync();
        gate.SetResult(true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(running.IsCanceled);
    }

    [Fact]
    public async Task A_cancelled_token_gives_a_cancelled_task()
    {
        var running = new GatedFlow().RunAsync(new Ticket(1), new CancellationToken(canceled: true));

        Assert.True(running.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await running);
    }
}
