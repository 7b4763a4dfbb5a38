namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Declares a saga's steps, each with its compensation, and where it records its progress. A process that restarts
/// declares the same steps under the same id and calls <see cref="Saga.RunAsync"/> to resume.
/// </summary>
public sealed class SagaBuilder
{
    private readonly List<SagaStep> _steps = [];
    private ISagaStore? _store;
    private RetryConfig? _compensationRetry;
    private TimeProvider _time = TimeProvider.System;
    private WorkflowTelemetry? _telemetry;

    /// <summary>Starts declaring the saga <paramref name="sagaId"/>.</summary>
    /// <param name="sagaId">Identifies the saga in its store.</param>
    public SagaBuilder(string sagaId) => SagaId = Require.NotBlank(sagaId, nameof(sagaId));

    /// <summary>The saga's id.</summary>
    public string SagaId { get; }

    /// <summary>Adds a step. Steps run in the order they are added; compensations in the reverse order.</summary>
    /// <param name="name">Unique within the saga; recorded so a resumed saga can check it has the same steps.</param>
    /// <param name="execute">What the step does. It may run again if the process dies before its completion is recorded.</param>
    /// <param name="compensate">Undoes the step; should be idempotent (see <see cref="Saga"/>). Null when there is nothing to undo.</param>
    public SagaBuilder Step(string name, Func<CancellationToken, ValueTask> execute, Func<CancellationToken, ValueTask>? compensate = null)
    {
        Require.NotBlank(name, nameof(name));
        ArgumentNullException.ThrowIfNull(execute);
        if (_steps.Exists(step => step.Name == name))
        {
            throw new ArgumentException($"name '{name}' is already a step of saga '{SagaId}'.", nameof(name));
        }

        _steps.Add(new SagaStep(name, execute, compensate));
        return this;
    }

    /// <summary>Where progress is saved. Default <see cref="InMemorySagaStore"/> (no crash recovery).</summary>
    /// <param name="store">The store; use <see cref="FileSagaStore"/> to survive restarts.</param>
    public SagaBuilder WithStore(ISagaStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        return this;
    }

    /// <summary>How each compensation is retried. Default as in <see cref="CompensationConfig"/>.</summary>
    /// <param name="retry">The retry options of compensations.</param>
    public SagaBuilder WithCompensationRetry(RetryConfig retry)
    {
        _compensationRetry = retry ?? throw new ArgumentNullException(nameof(retry));
        return this;
    }

    /// <summary>The clock of compensation retry delays. Default <see cref="TimeProvider.System"/>.</summary>
    /// <param name="timeProvider">The clock.</param>
    public SagaBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>Finishes the declaration.</summary>
    public Saga Build()
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"Saga '{SagaId}' has no steps.");
        }

        var defaults = _store is null || _compensationRetry is null ? new CompensationConfig() : null;
        return new Saga(
            SagaId,
            [.. _steps],
            _store ?? defaults!.Store,
            new CompensationRunner(_compensationRetry ?? defaults!.Retry, _time),
            _telemetry);
    }

    internal SagaBuilder WithTelemetry(WorkflowTelemetry telemetry)
    {
        _telemetry = telemetry;
        return this;
    }
}
