namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class FallbackTests
{
    [Fact]
    public async Task A_value_replaces_the_failure()
    {
        using var workflow = WithFallback(FallbackConfig.FromValue("cached page"));

        Assert.Equal("cached page", await workflow.ExecuteAsync<string>(_ => throw new IOException("down")));
        Assert.Equal(1, workflow.GetMetrics().Fallbacks);
        Assert.Equal(1, workflow.GetMetrics().Successes);
    }

    [Fact]
    public async Task A_function_of_the_error_computes_the_replacement()
    {
        using var workflow = WithFallback(FallbackConfig.FromFunction(error => $"unavailable: {error.Message}"));

        Assert.Equal("unavailable: down", await workflow.ExecuteAsync<string>(_ => throw new IOException("down")));
    }

    [Fact]
    public async Task An_alternative_operation_runs_once_instead()
    {
        var alternativeRuns = 0;
        using var workflow = WithFallback(FallbackConfig.FromOperation(_ =>
        {
            alternativeRuns++;
            return ValueTask.FromResult(7);
        }));

        Assert.Equal(7, await workflow.ExecuteAsync<int>(_ => throw new IOException("down")));
        Assert.Equal(1, alternativeRuns);
    }

    [Fact]
    public async Task An_alternative_without_result_serves_the_non_generic_overload()
    {
        var alternativeRuns = 0;
        using var workflow = WithFallback(FallbackConfig.FromOperation(_ =>
        {
            alternativeRuns++;
            return ValueTask.CompletedTask;
        }));

        await workflow.ExecuteAsync(_ => ValueTask.FromException(new IOException("down")));

        Assert.Equal(1, alternativeRuns);
    }

    [Fact]
    public async Task A_successful_operation_never_touches_the_fallback()
    {
        using var workflow = WithFallback(FallbackConfig.FromValue(-1));

        Assert.Equal(5, await workflow.ExecuteAsync(_ => ValueTask.FromResult(5)));
        Assert.Equal(0, workflow.GetMetrics().Fallbacks);
    }

    [Fact]
    public async Task Only_the_errors_it_handles_fall_back()
    {
        using var workflow = WithFallback(FallbackConfig.FromValue(-1, handles: error => error is IOException));

        Assert.Equal(-1, await workflow.ExecuteAsync<int>(_ => throw new IOException()));
        await Assert.ThrowsAsync<FormatException>(() => workflow.ExecuteAsync<int>(_ => throw new FormatException()).AsTask());
    }

    [Fact]
    public async Task A_fallback_of_the_wrong_type_fails_with_a_message_naming_both_types()
    {
        using var workflow = WithFallback(FallbackConfig.FromValue("text"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workflow.ExecuteAsync<int>(_ => throw new IOException()).AsTask());

        Assert.Equal("The fallback produces String but the operation returns Int32.", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_does_not_fall_back()
    {
        using var workflow = WithFallback(FallbackConfig.FromValue(-1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            workflow.ExecuteAsync(ct => ValueTask.FromCanceled<int>(ct), cancelled.Token).AsTask());
    }

    private static ErrorRecoveryWorkflow WithFallback(FallbackConfig fallback) =>
        new(new ErrorRecoveryConfig(RecoveryStrategy.Fallback, fallback: fallback));
}
