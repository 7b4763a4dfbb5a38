using Polly;
using Polly.CircuitBreaker;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Runs <see cref="CircuitBreakerStateMachine"/> as a Polly strategy; rejections are Polly's <see cref="BrokenCircuitException"/>.</summary>
internal sealed class CircuitBreakerStrategy(CircuitBreakerStateMachine machine, OutcomeClassifier classifier) : ResilienceStrategy
{
    protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (!machine.TryAcquire(out var permit, out var retryAfter))
        {
            var rejection = retryAfter > TimeSpan.Zero
                ? new BrokenCircuitException("The circuit is open; calls are rejected until it half-opens.", retryAfter)
                : new BrokenCircuitException("The circuit is half-open and its probe is still running.");
            return Outcome.FromExceptionAsValueTask<TResult>(rejection);
        }

        var pending = callback(context, state);
        if (!pending.IsCompletedSuccessfully)
        {
            return RecordWhenDoneAsync(pending, permit, context);
        }

        var outcome = pending.Result;
        machine.Record(permit, classifier.ToHealthSignal(outcome, context.CancellationToken));
        return new ValueTask<Outcome<TResult>>(outcome);
    }

    private async ValueTask<Outcome<TResult>> RecordWhenDoneAsync<TResult>(ValueTask<Outcome<TResult>> pending, BreakerPermit permit, ResilienceContext context)
    {
        var outcome = await pending.ConfigureAwait(context.ContinueOnCapturedContext);
        machine.Record(permit, classifier.ToHealthSignal(outcome, context.CancellationToken));
        return outcome;
    }
}
