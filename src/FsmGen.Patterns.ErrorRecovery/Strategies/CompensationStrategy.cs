using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// When an execution fails for good after the operation ran at least once, runs <see cref="CompensationConfig.Compensate"/>
/// (retried), then passes the original failure on, so that an outer fallback or cache can still answer.
/// </summary>
internal sealed class CompensationStrategy(
    Func<Exception, CancellationToken, ValueTask> compensate, CompensationRunner runner, WorkflowTelemetry? telemetry) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is not { } error
            || OutcomeClassifier.IsCallerCancellation(error, context.CancellationToken)
            || !context.Properties.GetValue(ExecutionProperties.OperationStarted, false))
        {
            return outcome;
        }

        try
        {
            await runner.RunAsync(ct => compensate(error, ct), context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            telemetry?.Compensation();
            return outcome;
        }
        catch (Exception compensationError)
        {
            telemetry?.CompensationFailure();
            return Outcome.FromException<TResult>(new CompensationFailedException(error, compensationError));
        }
    }
}
