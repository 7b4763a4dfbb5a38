namespace FsmGen.Tests.DataFlow;

/// <summary>
/// RunOrThrow: the same run as Run without the catch, generated only for all-synchronous machines that declare no
/// failure handling. It must agree with Run on every success and throw what Run would have put in the result.
/// </summary>
public sealed class RunOrThrowTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(5)]
    [InlineData(0)]
    public void Agrees_with_Run_on_every_path(int priority)
    {
        var input = new Ticket(priority);
        var expected = new TriageFlow().Run(input);
        var flow = new TriageFlow();

        var actual = flow.RunOrThrow(input);

        Assert.True(actual.Succeeded);
        Assert.Equal(expected.FinalState, actual.FinalState);
        Assert.Equal(expected.Data, actual.Data);
        Assert.Equal(expected.Emitted, actual.Emitted);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(new TriageFlow().Run(input).Data.Trail, actual.Data.Trail);
    }

    [Fact]
    public void Returns_the_result_of_a_clean_run_and_throws_a_failure()
    {
        // <run-or-throw>
        var flow = new LoopFlow();

        var result = flow.RunOrThrow(2); // Check -> Again -> Check -> Done
        Assert.Equal((LoopFlow.StateId.Done, 3), (result.FinalState, result.Data));

        // Check throws on negative input: Run would return it in result.Error, RunOrThrow lets it propagate.
        Assert.Throws<ArgumentOutOfRangeException>(() => flow.RunOrThrow(-1));
        // </run-or-throw>
    }

    [Fact]
    public void Runs_the_hooks_and_history_as_Run_does()
    {
        var byRun = new TriageFlow();
        var byRunOrThrow = new TriageFlow();

        byRun.Run(new Ticket(9));
        byRunOrThrow.RunOrThrow(new Ticket(9));

        Assert.Equal(byRun.Hooks, byRunOrThrow.Hooks);
        Assert.Equal(byRun.History.ToArray(), byRunOrThrow.History.ToArray());
    }

    [Fact]
    public void An_exception_from_a_state_propagates_unchanged()
    {
        var flow = new LoopFlow();
        var captured = flow.Run(-1).Error;

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => flow.RunOrThrow(-1));

        Assert.Equal(captured!.Message, thrown.Message);
        Assert.Contains("Check", thrown.StackTrace);
    }

    [Fact]
    public void Every_guard_false_throws_what_Run_reports()
    {
        var reported = new TriageFlow().Run(new Ticket(-1)).Error;

        var thrown = Assert.Throws<InvalidOperationException>(() => new TriageFlow().RunOrThrow(new Ticket(-1)));

        Assert.Equal(reported!.Message, thrown.Message);
        Assert.Contains("'Intake'", thrown.Message);
    }

    [Fact]
    public void A_cycle_within_MaxSteps_completes_and_one_beyond_throws_what_Run_reports()
    {
        var flow = new LoopFlow();
        Assert.Equal(3, flow.RunOrThrow(2).Data);
        Assert.Equal(4, flow.RunOrThrow(2).Steps);

        var reported = flow.Run(0).Error;
        var thrown = Assert.Throws<InvalidOperationException>(() => flow.RunOrThrow(0));

        Assert.Contains("MaxSteps", thrown.Message);
        Assert.Equal(reported!.Message, thrown.Message);
    }

    [Fact]
    public async Task RunOrThrowAsync_of_an_all_sync_machine_completes_synchronously_with_the_same_result()
    {
        var running = new TriageFlow().RunOrThrowAsync(new Ticket(9));

        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(new TriageFlow().RunOrThrow(new Ticket(9)).Data, (await running).Data);
        Assert.True(new TriageFlow().RunOrThrowAsync(new Ticket(9), new CancellationToken(canceled: true)).IsCanceled);
    }

    [Fact]
    public async Task RunOrThrowAsync_of_an_async_machine_agrees_with_RunAsync()
    {
        var flow = new HeldFlow();

        var running = flow.RunOrThrowAsync(4);

        Assert.True(running.IsCompletedSuccessfully);
        var expected = await flow.RunAsync(4);
        var actual = await running;
        Assert.Equal((expected.FinalState, expected.Data, expected.Steps, expected.Emitted), (actual.FinalState, actual.Data, actual.Steps, actual.Emitted));
    }

    [Fact]
    public async Task RunOrThrowAsync_resumes_after_a_pending_member_and_throws_what_it_fails_with()
    {
        var flow = new HeldFlow { Gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously) };
        var running = flow.RunOrThrowAsync(4);
        Assert.False(running.IsCompleted);
        flow.Gate.SetResult(true);
        Assert.Equal(50, (await running).Data);

        flow.Gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = flow.RunOrThrowAsync(4);
        flow.Gate.SetException(new TimeoutException("late"));
        Assert.Equal("late", (await Assert.ThrowsAsync<TimeoutException>(async () => await failing)).Message);
    }

    [Fact]
    public void RunOrThrowAsync_throws_from_the_call_when_a_member_throws_before_returning_its_task()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeldFlow().RunOrThrowAsync(-1));
    }

    [Fact]
    public void Machines_with_failure_handling_do_not_get_it()
    {
        // PaymentFlow has a failure route and a RunOnFailure state: both need the catch that RunOrThrow leaves out.
        Assert.Null(typeof(PaymentFlow).GetMethod("RunOrThrow"));
        Assert.Null(typeof(PaymentFlow).GetMethod("RunOrThrowAsync"));
        Assert.Null(typeof(GatedFlow).GetMethod("RunOrThrowAsync"));
        Assert.NotNull(typeof(TriageFlow).GetMethod("RunOrThrow"));
        Assert.NotNull(typeof(HeldFlow).GetMethod("RunOrThrowAsync"));
    }
}
