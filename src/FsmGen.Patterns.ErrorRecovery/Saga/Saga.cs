namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Runs steps in order; when one fails, runs the compensations of the completed steps in reverse order, each retried.
/// Progress is saved to an <see cref="ISagaStore"/> after every step and every compensation, before moving on, so
/// <see cref="RunAsync"/> on a restarted process resumes where the last save left off.
/// </summary>
/// <remarks>
/// Guarantee: a crash at any store boundary (before or after a save) never runs a compensation twice. The one window
/// left is a crash after a compensation finished but before its save completed: that compensation runs again on
/// resume (at-least-once), so compensations should be idempotent. The same holds for steps. A store exception or the
/// caller's cancellation stops the run without compensating; running the saga again resumes it.
/// </remarks>
public sealed class Saga
{
    private readonly SagaStep[] _steps;
    private readonly ISagaStore _store;
    private readonly CompensationRunner _runner;
    private readonly WorkflowTelemetry? _telemetry;

    internal Saga(string sagaId, SagaStep[] steps, ISagaStore store, CompensationRunner runner, WorkflowTelemetry? telemetry)
    {
        SagaId = sagaId;
        _steps = steps;
        _store = store;
        _runner = runner;
        _telemetry = telemetry;
        StepNames = Array.ConvertAll(steps, step => step.Name);
    }

    /// <summary>The saga's id.</summary>
    public string SagaId { get; }

    /// <summary>The steps' names, in order.</summary>
    public IReadOnlyList<string> StepNames { get; }

    /// <summary>
    /// Runs the saga, or resumes it from its saved state: forward if it was running, compensation if it was
    /// compensating. A finished saga returns its recorded result and runs nothing.
    /// </summary>
    /// <param name="cancellationToken">Stops the run between (or inside) steps; the saved state stays resumable.</param>
    /// <exception cref="InvalidOperationException">The saved saga has different steps.</exception>
    public async ValueTask<SagaResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var saved = await _store.LoadAsync(SagaId, cancellationToken).ConfigureAwait(false);
        var resumed = saved is not null;
        var state = saved ?? new SagaState(SagaId, SagaStatus.Running, StepNames, CompletedSteps: 0, CompensatedSteps: []);
        EnsureSameSteps(state);

        Exception? stepException = null;
        if (state.Status == SagaStatus.Running)
        {
            (state, stepException) = await RunForwardAsync(state, cancellationToken).ConfigureAwait(false);
        }

        if (state.Status is SagaStatus.Compensating or SagaStatus.CompensationFailed)
        {
            state = await CompensateAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return ResultOf(state, stepException, resumed);
    }

    private async ValueTask<(SagaState State, Exception? StepException)> RunForwardAsync(SagaState state, CancellationToken cancellationToken)
    {
        for (var index = state.CompletedSteps; index < _steps.Length; index++)
        {
            try
            {
                await _steps[index].Execute(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!OutcomeClassifier.IsCallerCancellation(error, cancellationToken))
            {
                state = state with { Status = SagaStatus.Compensating, FailedStep = index, Error = error.Message };
                await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
                return (state, error);
            }

            var done = index + 1;
            state = state with { CompletedSteps = done, Status = done == _steps.Length ? SagaStatus.Completed : SagaStatus.Running };
            await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return (state, null);
    }

    private async ValueTask<SagaState> CompensateAsync(SagaState state, CancellationToken cancellationToken)
    {
        for (var index = state.CompletedSteps - 1; index >= 0; index--)
        {
            if (state.CompensatedSteps.Contains(index) || _steps[index].Compensate is not { } compensate)
            {
                continue;
            }

            try
            {
                await _runner.RunAsync(compensate, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!OutcomeClassifier.IsCallerCancellation(error, cancellationToken))
            {
                _telemetry?.CompensationFailure();
                state = state with { Status = SagaStatus.CompensationFailed, CompensationError = $"{_steps[index].Name}: {error.Message}" };
                await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
                return state;
            }

            _telemetry?.Compensation();
            // Recorded before the next compensation starts: this is what keeps a resumed saga from undoing twice.
            state = state with { Status = SagaStatus.Compensating, CompensatedSteps = [.. state.CompensatedSteps, index], CompensationError = null };
            await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }

        state = state with { Status = SagaStatus.Compensated };
        await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        return state;
    }

    private void EnsureSameSteps(SagaState state)
    {
        if (!state.StepNames.SequenceEqual(StepNames, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Saga '{SagaId}' was saved with steps [{string.Join(", ", state.StepNames)}] but is now declared with [{string.Join(", ", StepNames)}].");
        }
    }

    private SagaResult ResultOf(SagaState state, Exception? stepException, bool resumed) => new(
        SagaId,
        state.Status,
        state.FailedStep is { } failed ? StepNames[failed] : null,
        state.Error,
        stepException,
        state.CompensatedSteps.Select(index => StepNames[index]).ToArray(),
        state.CompensationError,
        resumed);
}
