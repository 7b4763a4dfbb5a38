namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class SagaTests
{
    [Fact]
    public async Task A_failing_third_step_compensates_steps_two_then_one()
    {
        var journal = new SagaJournal();
        var saga = journal.Declare(new SagaBuilder("order-1")).Build();

        var result = await saga.RunAsync().Within();

        Assert.Equal(["do 1", "do 2", "do 3", "undo 2", "undo 1"], journal.Entries);
        Assert.Equal(SagaStatus.Compensated, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal("step3", result.FailedStep);
        Assert.IsType<IOException>(result.StepException);
        Assert.Equal(["step2", "step1"], result.CompensatedSteps);
    }

    [Fact]
    public async Task A_saga_whose_steps_all_succeed_compensates_nothing()
    {
        var journal = new SagaJournal();
        var result = await journal.Declare(new SagaBuilder("order-2"), failAt: 0).Build().RunAsync().Within();

        Assert.True(result.Succeeded);
        Assert.Equal(["do 1", "do 2", "do 3", "do 4"], journal.Entries);
    }

    /// <summary>
    /// The process dies right after save number <paramref name="crashAt"/> became durable (saves: step1 done, step2 done,
    /// compensating, undo 2 done, undo 1 done, compensated). A new workflow over the same file resumes it, and nothing
    /// runs twice.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task A_crash_at_any_store_boundary_resumes_on_restart_without_running_anything_twice(int crashAt)
    {
        using var directory = new TempDirectory();
        var journal = new SagaJournal();
        var firstProcess = journal.Declare(new SagaBuilder("order-3"))
            .WithStore(new CrashingSagaStore(new FileSagaStore(directory.Path), crashAt, afterSave: true))
            .Build();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => firstProcess.RunAsync().AsTask().Within());

        using var restarted = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Compensate,
            compensation: new CompensationConfig((_, _) => ValueTask.CompletedTask, store: new FileSagaStore(directory.Path))));
        var result = await journal.Declare(restarted.CreateSaga("order-3")).Build().RunAsync().Within();

        Assert.Equal(["do 1", "do 2", "do 3", "undo 2", "undo 1"], journal.Entries);
        Assert.Equal(SagaStatus.Compensated, result.Status);
        Assert.True(result.Resumed);
        Assert.Equal(["step2", "step1"], result.CompensatedSteps);
        Assert.Equal("step3", result.FailedStep);
        Assert.Equal("step 3 failed", result.Error);
    }

    /// <summary>
    /// The documented at-least-once window: the process dies after "undo 2" ran but before its record was saved, so
    /// the restarted saga cannot know it ran and runs it again. Every other compensation still runs once.
    /// </summary>
    [Fact]
    public async Task A_crash_between_a_compensation_and_its_record_runs_that_compensation_again()
    {
        using var directory = new TempDirectory();
        var journal = new SagaJournal();
        var firstProcess = journal.Declare(new SagaBuilder("order-4"))
            .WithStore(new CrashingSagaStore(new FileSagaStore(directory.Path), crashAt: 4, afterSave: false))
            .Build();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => firstProcess.RunAsync().AsTask().Within());

        var result = await journal.Declare(new SagaBuilder("order-4")).WithStore(new FileSagaStore(directory.Path)).Build().RunAsync().Within();

        Assert.Equal(SagaStatus.Compensated, result.Status);
        Assert.Equal(["undo 2", "undo 2", "undo 1"], journal.Compensations);
    }

    [Fact]
    public async Task Each_compensation_is_retried_until_it_succeeds()
    {
        var undoAttempts = 0;
        var saga = new SagaBuilder("order-5")
            .WithCompensationRetry(new RetryConfig(maxRetries: 3, baseDelay: TimeSpan.Zero, isTransient: _ => true))
            .Step("reserve", _ => ValueTask.CompletedTask, _ => ++undoAttempts < 3 ? ValueTask.FromException(new IOException("busy")) : ValueTask.CompletedTask)
            .Step("charge", _ => ValueTask.FromException(new IOException("declined")))
            .Build();

        var result = await saga.RunAsync().Within();

        Assert.Equal(SagaStatus.Compensated, result.Status);
        Assert.Equal(3, undoAttempts);
    }

    [Fact]
    public async Task A_compensation_that_keeps_failing_is_recorded_and_retried_by_the_next_run_without_redoing_the_others()
    {
        var store = new InMemorySagaStore();
        var undone = new List<string>();
        var undoTwoFails = true;
        ValueTask Undo(string step)
        {
            undone.Add(step);
            return ValueTask.CompletedTask;
        }

        Saga Declare() => new SagaBuilder("order-6")
            .WithStore(store)
            .WithCompensationRetry(new RetryConfig(maxRetries: 1, baseDelay: TimeSpan.Zero))
            .Step("one", _ => ValueTask.CompletedTask, _ => Undo("one"))
            .Step("two", _ => ValueTask.CompletedTask, _ => undoTwoFails ? ValueTask.FromException(new IOException("still locked")) : Undo("two"))
            .Step("three", _ => ValueTask.CompletedTask, _ => Undo("three"))
            .Step("four", _ => ValueTask.FromException(new IOException("failed")))
            .Build();

        var first = await Declare().RunAsync().Within();
        Assert.Equal(SagaStatus.CompensationFailed, first.Status);
        Assert.Equal("two: still locked", first.CompensationError);
        Assert.Equal(["three"], first.CompensatedSteps);

        undoTwoFails = false;
        var second = await Declare().RunAsync().Within();
        Assert.Equal(SagaStatus.Compensated, second.Status);
        Assert.Equal(["three", "two", "one"], undone);
        Assert.Equal(["three", "two", "one"], second.CompensatedSteps);
    }

    [Fact]
    public async Task A_finished_saga_run_again_runs_nothing_and_returns_its_record()
    {
        var store = new InMemorySagaStore();
        var journal = new SagaJournal();
        await journal.Declare(new SagaBuilder("order-7")).WithStore(store).Build().RunAsync().Within();

        var again = await journal.Declare(new SagaBuilder("order-7")).WithStore(store).Build().RunAsync().Within();

        Assert.Equal(5, journal.Entries.Count);
        Assert.Equal(SagaStatus.Compensated, again.Status);
        Assert.True(again.Resumed);
    }

    [Fact]
    public async Task A_saga_resumed_with_different_steps_is_refused()
    {
        var store = new InMemorySagaStore();
        await new SagaJournal().Declare(new SagaBuilder("order-8")).WithStore(store).Build().RunAsync().Within();

        var changed = new SagaBuilder("order-8").WithStore(store).Step("other", _ => ValueTask.CompletedTask).Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => changed.RunAsync().AsTask());
        Assert.Contains("step1, step2, step3, step4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saga_compensations_are_counted_in_the_workflow_metrics()
    {
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(RecoveryStrategy.Retry));
        await new SagaJournal().Declare(workflow.CreateSaga("order-9")).Build().RunAsync().Within();

        Assert.Equal(2, workflow.GetMetrics().Compensations);
    }

    [Fact]
    public void Step_names_must_be_unique()
    {
        var builder = new SagaBuilder("order-10").Step("a", _ => ValueTask.CompletedTask);

        var error = Assert.Throws<ArgumentException>(() => builder.Step("a", _ => ValueTask.CompletedTask));
        Assert.Equal("name", error.ParamName);
    }
}
