namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class CallbackTests
{
    [Fact]
    public async Task OnRetry_reports_each_retry_with_its_number_delay_and_error()
    {
        var time = new RecordingTimeProvider();
        var retries = new List<RetryInfo>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            retry: new RetryConfig(maxRetries: 3, baseDelay: TimeSpan.FromMilliseconds(10), onRetry: retries.Add),
            timeProvider: time));

        await time.DriveAsync(workflow.ExecuteAsync(new FlakyOperation(failures: 2).RunAsync).AsTask());

        Assert.Equal([1, 2], retries.Select(r => r.RetryNumber));
        Assert.Equal([10.0, 20], retries.Select(r => r.Delay.TotalMilliseconds));
        Assert.All(retries, r => Assert.IsType<IOException>(r.Error));
    }

    [Fact]
    public async Task OnFailure_runs_once_per_failed_execution_with_the_failures_in_a_row()
    {
        var failures = new List<FailureInfo>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry, retry: new RetryConfig(maxRetries: 1, baseDelay: TimeSpan.Zero), onFailure: failures.Add));

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(int.MaxValue).RunAsync).AsTask());
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(int.MaxValue).RunAsync).AsTask());
        await workflow.ExecuteAsync(_ => ValueTask.FromResult(0));
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(int.MaxValue).RunAsync).AsTask());

        Assert.Equal([1, 2, 1], failures.Select(f => f.ConsecutiveFailures));
        Assert.All(failures, f => Assert.IsType<IOException>(f.Error));
    }

    [Fact]
    public async Task The_alert_fires_once_when_failures_in_a_row_reach_the_threshold()
    {
        var alerts = new List<AlertInfo>();
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            retry: new RetryConfig(maxRetries: 0),
            alertThreshold: 3,
            onAlert: alerts.Add,
            name: "payments"));

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(1).RunAsync).AsTask());
        }

        await workflow.ExecuteAsync(_ => ValueTask.FromResult(0));
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(new FlakyOperation(1).RunAsync).AsTask());
        }

        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, alert => Assert.Equal(("payments", 3), (alert.WorkflowName, alert.ConsecutiveFailures)));
        Assert.Equal(2, workflow.GetMetrics().Alerts);
    }
}
