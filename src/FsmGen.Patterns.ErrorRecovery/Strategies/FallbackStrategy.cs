using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Replaces a failure with <see cref="FallbackConfig"/>'s result. A proactive strategy (not Polly's generic-only
/// fallback) so that one non-generic pipeline serves every result type, checked against the config's type at run time.
/// </summary>
internal sealed class FallbackStrategy(FallbackConfig config, WorkflowTelemetry? telemetry) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is not { } error
            || OutcomeClassifier.IsCallerCancellation(error, context.CancellationToken)
            || !config.Handles(error))
        {
            return outcome;
        }

        telemetry?.Fallback();
        try
        {
            var value = await config.ProduceAsync(error, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            return Convert<TResult>(value);
        }
        catch (Exception fallbackError)
        {
            return Outcome.FromException<TResult>(fallbackError);
        }
    }

    private Outcome<TResult> Convert<TResult>(object? value) => value switch
    {
        _ when typeof(TResult) == typeof(VoidResult) => Outcome.FromResult(default(TResult)!),
        TResult typed => Outcome.FromResult(typed),
        null when default(TResult) is null => Outcome.FromResult(default(TResult)!),
        _ => Outcome.FromException<TResult>(new InvalidOperationException(
            $"The fallback produces {config.ResultType.Name} but the operation returns {typeof(TResult).Name}.")),
    };
}
