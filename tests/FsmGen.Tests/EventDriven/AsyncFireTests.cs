namespace FsmGen.Tests.EventDriven;

/// <summary>
/// FireAsync of a machine with async members runs synchronously while every member completes synchronously and hands
/// over to a continuation at the first member that is really pending. These tests hold each kind of member (guard, exit
/// action, transition action, entry action) and check that the fire resumes where it stopped, in the same order, and
/// that policy failures, failed tasks and cancellation surface from the returned task.
/// </summary>
public sealed class AsyncFireTests
{
    private static readonly string[] StartLog = { "IsReadyAsync", "LeaveIdleAsync", "Idle->Busy", "Busy" };

    [Fact]
    public async Task Completes_synchronously_when_every_member_does()
    {
        var machine = new GatedMachine();

        var firing = machine.FireAsync(GateTrigger.Start);

        Assert.True(firing.IsCompletedSuccessfully);
        Assert.True(await firing);
        Assert.Equal(GatedMachine.StateId.Busy, machine.Current);
        Assert.Equal(StartLog, machine.Log);
    }

    [Theory]
    [InlineData("IsReadyAsync", 1, GatedMachine.StateId.Idle)]
    [InlineData("LeaveIdleAsync", 2, GatedMachine.StateId.Idle)]
    [InlineData("Busy", 4, GatedMachine.StateId.Busy)]
    public async Task A_pending_member_suspends_the_fire_and_it_resumes_where_it_stopped(string held, int loggedBefore, GatedMachine.StateId stateWhilePending)
    {
        var machine = new GatedMachine();
        var gate = machine.Hold(held);

        var firing = machine.FireAsync(GateTrigger.Start);

        Assert.False(firing.IsCompleted);
        Assert.Equal(StartLog.Take(loggedBefore), machine.Log);
        Assert.Equal(stateWhilePending, machine.Current);
        gate.SetResult(true);
        Assert.True(await firing);
        Assert.Equal(StartLog, machine.Log);
        Assert.Equal(GatedMachine.StateId.Busy, machine.Current);
    }

    [Fact]
    public async Task Several_pending_members_in_one_fire_each_resume_in_turn()
    {
        var machine = new GatedMachine();
        await machine.FireAsync(GateTrigger.Start);
        machine.Log.Clear();
        var exit = machine.Hold("LeaveBusyAsync");
        var action = machine.Hold("RecordAsync");
        var entry = machine.Hold("Idle");

        var firing = machine.FireAsync(GateTrigger.Stop);
        Assert.Equal(new[] { "LeaveBusyAsync" }, machine.Log);
        exit.SetResult(true);
        await WaitUntil(() => machine.Log.Count == 2);
        Assert.Equal(new[] { "LeaveBusyAsync", "RecordAsync" }, machine.Log);
        Assert.Equal(GatedMachine.StateId.Busy, machine.Current);
        action.SetResult(true);
        await WaitUntil(() => machine.Log.Count == 4);
        Assert.False(firing.IsCompleted);
        Assert.Equal(GatedMachine.StateId.Idle, machine.Current);
        entry.SetResult(true);

        Assert.True(await firing);
        Assert.Equal(new[] { "LeaveBusyAsync", "RecordAsync", "Busy->Idle", "Idle" }, machine.Log);
    }

    [Fact]
    public async Task A_pending_guard_that_answers_false_moves_on_to_the_next_candidate()
    {
        var machine = new GatedMachine { SpareReady = true };
        var gate = machine.Hold("IsReadyAsync");

        var firing = machine.FireAsync(GateTrigger.Start);
        gate.SetResult(false);

        Assert.True(await firing);
        Assert.Equal(GatedMachine.StateId.Spare, machine.Current);
        Assert.Equal(new[] { "IsReadyAsync", "IsSpareAsync", "LeaveIdleAsync", "Idle->Spare", "Spare" }, machine.Log);
    }

    [Fact]
    public async Task Every_guard_false_after_a_pending_one_is_a_guard_failure()
    {
        var machine = new GatedMachine { Ready = false };
        var gate = machine.Hold("IsSpareAsync");

        var firing = machine.FireAsync(GateTrigger.Start);
        gate.SetResult(false);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await firing);
        Assert.Contains("every guard", failure.Message);
        Assert.Equal(GatedMachine.StateId.Idle, machine.Current);
        machine.Hold("IsSpareAsync").SetResult(false);
        Assert.False(await machine.TryFireAsync(GateTrigger.Start));
    }

    [Theory]
    [InlineData("IsReadyAsync")]
    [InlineData("LeaveIdleAsync")]
    [InlineData("Busy")]
    public void A_member_that_throws_before_returning_its_task_throws_from_the_call_as_Fire_does(string failing)
    {
        // The fast path has no try/catch so that it can be inlined; the documented price is this synchronous throw.
        var machine = new GatedMachine { Throws = failing };

        var failure = Assert.Throws<InvalidOperationException>(() => machine.FireAsync(GateTrigger.Start));

        Assert.Equal(failing + " failed", failure.Message);
    }

    [Fact]
    public async Task Policy_failures_surface_from_the_returned_task()
    {
        var machine = new GatedMachine { Ready = false };

        var guardFailure = machine.FireAsync(GateTrigger.Start);
        var unknownTrigger = machine.FireAsync(GateTrigger.Stop);

        Assert.True(guardFailure.IsFaulted);
        Assert.True(unknownTrigger.IsFaulted);
        Assert.Contains("every guard", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await guardFailure)).Message);
        Assert.Contains("cannot handle trigger 'Stop'", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await unknownTrigger)).Message);
        Assert.False(await machine.TryFireAsync(GateTrigger.Start));
        Assert.False(await machine.TryFireAsync(GateTrigger.Stop));
    }

    [Fact]
    public async Task A_pending_member_that_fails_later_faults_the_fire()
    {
        var machine = new GatedMachine();
        var gate = machine.Hold("LeaveIdleAsync");

        var firing = machine.FireAsync(GateTrigger.Start);
        gate.SetException(new TimeoutException("late"));

        Assert.Equal("late", (await Assert.ThrowsAsync<TimeoutException>(async () => await firing)).Message);
        Assert.Equal(GatedMachine.StateId.Idle, machine.Current);
    }

    [Fact]
    public async Task A_cancelled_token_gives_a_cancelled_task_and_runs_nothing()
    {
        var machine = new GatedMachine();

        var firing = machine.FireAsync(GateTrigger.Start, new CancellationToken(canceled: true));

        Assert.True(firing.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await firing);
        Assert.Empty(machine.Log);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // The continuations run on the thread pool (RunContinuationsAsynchronously); give them up to 10 s.
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
