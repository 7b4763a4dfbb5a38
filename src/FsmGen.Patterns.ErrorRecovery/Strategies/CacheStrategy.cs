using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Stores every good result under the execution's cache key and serves it when a later execution fails.</summary>
internal sealed class CacheStrategy(LastGoodCache cache, OutcomeClassifier classifier, WorkflowTelemetry? telemetry) : ResilienceStrategy
{
    protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state) =>
        context.Properties.TryGetValue(ExecutionProperties.CacheKey, out var key)
            ? ExecuteCachedAsync(callback, context, state, key)
            : callback(context, state);

    private async ValueTask<Outcome<TResult>> ExecuteCachedAsync<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state, string key)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is null)
        {
            if (!classifier.IsFailedResult(outcome.Result))
            {
                cache.Store(key, outcome.Result);
            }

            return outcome;
        }

        if (!OutcomeClassifier.IsCallerCancellation(outcome.Exception, context.CancellationToken)
            && cache.TryGetFresh<TResult>(key, out var lastGood))
        {
            telemetry?.CacheHit();
            return Outcome.FromResult(lastGood);
        }

        return outcome;
    }
}
