using System.Net.Sockets;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class ClassificationTests
{
    public static TheoryData<Exception> TransientErrors => new()
    {
        new HttpRequestException("502"),
        new TimeoutException(),
        new IOException("reset"),
        new SocketException(),
        new TimeoutRejectedException(),
        new AggregateException(new IOException(), new TimeoutException()),
    };

    public static TheoryData<Exception> PermanentErrors => new()
    {
        new ArgumentException("bad"),
        new ArgumentNullException("x"),
        new InvalidOperationException("wrong state"),
        new NotSupportedException(),
        new FormatException(),
        new UnauthorizedAccessException(),
        new OperationCanceledException(),
        new AggregateException(new IOException(), new ArgumentException()),
    };

    [Theory]
    [MemberData(nameof(TransientErrors))]
    public async Task Transient_errors_are_retried(Exception error)
    {
        var operation = new FlakyOperation(failures: int.MaxValue, () => error);
        using var workflow = Retrying(new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero));

        await Assert.ThrowsAsync(error.GetType(), () => workflow.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(3, operation.Attempts);
        Assert.True(ErrorClassifier.IsTransient(error));
    }

    [Theory]
    [MemberData(nameof(PermanentErrors))]
    public async Task Permanent_errors_are_not_retried(Exception error)
    {
        var operation = new FlakyOperation(failures: int.MaxValue, () => error);
        using var workflow = Retrying(new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero));

        await Assert.ThrowsAsync(error.GetType(), () => workflow.ExecuteAsync(operation.RunAsync).AsTask());

        Assert.Equal(1, operation.Attempts);
        Assert.False(ErrorClassifier.IsTransient(error));
    }

    [Fact]
    public async Task A_custom_classifier_replaces_the_default()
    {
        var retry = new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero, isTransient: error => error is ArgumentException);
        using var workflow = Retrying(retry);
        var argument = new FlakyOperation(failures: int.MaxValue, () => new ArgumentException("retry me"));
        var io = new FlakyOperation(failures: int.MaxValue);

        await Assert.ThrowsAsync<ArgumentException>(() => workflow.ExecuteAsync(argument.RunAsync).AsTask());
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync(io.RunAsync).AsTask());

        Assert.Equal((3, 1), (argument.Attempts, io.Attempts));
    }

    [Fact]
    public async Task A_result_matching_the_predicate_is_retried_until_a_good_one_arrives()
    {
        var results = new Queue<string>(["busy", "busy", "ok"]);
        using var workflow = Retrying(new RetryConfig(maxRetries: 5, baseDelay: TimeSpan.Zero, retryOnResult: result => result is "busy"));

        var result = await workflow.ExecuteAsync(_ => ValueTask.FromResult(results.Dequeue()));

        Assert.Equal("ok", result);
        var metrics = workflow.GetMetrics();
        Assert.Equal((3L, 2L, 1L, 0L), (metrics.Attempts, metrics.Retries, metrics.Successes, metrics.Failures));
    }

    [Fact]
    public async Task A_rejected_result_after_the_last_retry_is_returned_and_counted_as_a_failure()
    {
        FailureInfo? failure = null;
        using var workflow = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
            RecoveryStrategy.Retry,
            retry: new RetryConfig(maxRetries: 2, baseDelay: TimeSpan.Zero, retryOnResult: result => result is -1),
            onFailure: info => failure = info));

        var result = await workflow.ExecuteAsync(_ => ValueTask.FromResult(-1));

        Assert.Equal(-1, result);
        Assert.Equal((3L, 1L), (workflow.GetMetrics().Attempts, workflow.GetMetrics().Failures));
        Assert.Equal(new FailureInfo(null, -1, 1), failure);
    }

    [Fact]
    public async Task The_callers_cancellation_is_never_retried()
    {
        using var caller = new CancellationTokenSource();
        var attempts = 0;
        using var workflow = Retrying(new RetryConfig(maxRetries: 3, baseDelay: TimeSpan.Zero, isTransient: _ => true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workflow.ExecuteAsync(ct =>
        {
            attempts++;
            caller.Cancel(); // the caller gives up while the attempt runs
            ct.ThrowIfCancellationRequested();
            return ValueTask.FromResult(0);
        }, caller.Token).AsTask());

        Assert.Equal(1, attempts);
    }

    private static ErrorRecoveryWorkflow Retrying(RetryConfig retry) =>
        new(new ErrorRecoveryConfig(RecoveryStrategy.Retry, retry: retry));
}
