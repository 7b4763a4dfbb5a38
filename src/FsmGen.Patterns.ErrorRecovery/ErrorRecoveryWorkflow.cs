using Polly;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Runs any asynchronous operation (another pattern's run, an HTTP call, a state body) through one Polly
/// <see cref="ResiliencePipeline"/> composed from an <see cref="ErrorRecoveryConfig"/>, counts what happened, and
/// creates compensating sagas. Thread-safe: one instance serves concurrent executions, and its circuit breaker,
/// bulkhead and cache are shared by all of them.
/// </summary>
public sealed class ErrorRecoveryWorkflow : IDisposable
{
    private readonly WorkflowTelemetry _telemetry;
    private readonly WorkflowParts _parts;
    private readonly CompensationConfig _sagaDefaults;
    private readonly bool _tracksOperationStart;
    private int _consecutiveFailures;

    /// <summary>Builds the workflow's pipeline from <paramref name="config"/>.</summary>
    /// <param name="config">What to do; see <see cref="RecoveryPipelineFactory"/> for the order of the strategies.</param>
    public ErrorRecoveryWorkflow(ErrorRecoveryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _telemetry = new WorkflowTelemetry(config.Name);
        _parts = new WorkflowParts(config, _telemetry);
        _sagaDefaults = config.Compensation ?? new CompensationConfig();
        _tracksOperationStart = config.Uses(RecoveryStrategy.Compensate);
        Pipeline = RecoveryPipelineFactory.Build(config, _parts, _telemetry);
    }

    /// <summary>The configuration this workflow was built from.</summary>
    public ErrorRecoveryConfig Config { get; }

    /// <summary>
    /// The composed pipeline, for callers that want Polly's own API. Executions through it bypass this workflow's
    /// execution and attempt counters (strategy counters such as retries and fallbacks still count).
    /// </summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>The circuit's state, or null when the workflow has no circuit breaker.</summary>
    public CircuitBreakerState? CircuitState => _parts.Breaker?.State;

    /// <summary>A snapshot of this workflow's counters.</summary>
    public ErrorRecoveryMetrics GetMetrics() => _telemetry.Snapshot();

    /// <summary>Runs <paramref name="operation"/> through the pipeline and returns its (or a fallback's) result.</summary>
    /// <param name="operation">The operation; it receives the token that the deadline and timeouts cancel.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is never retried, replaced or compensated.</param>
    /// <exception cref="Exception">The final failure when no strategy could recover from it.</exception>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ExecuteCoreAsync(static (op, ct) => op(ct), operation, cacheKey: null, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="operation"/> like <see cref="ExecuteAsync{T}(Func{CancellationToken, ValueTask{T}}, CancellationToken)"/>
    /// and, with <see cref="RecoveryStrategy.Cache"/>, stores a good result under <paramref name="cacheKey"/> or serves
    /// the last good one for that key when the execution fails.
    /// </summary>
    /// <param name="cacheKey">Identifies the request whose result may be reused (e.g. a URL or an entity id).</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public ValueTask<T> ExecuteAsync<T>(string cacheKey, Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cacheKey);
        ArgumentNullException.ThrowIfNull(operation);
        return ExecuteCoreAsync(static (op, ct) => op(ct), operation, cacheKey, cancellationToken);
    }

    /// <summary>Runs an operation without a result through the pipeline.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var pending = ExecuteCoreAsync(InvokeWithoutResult, operation, cacheKey: null, cancellationToken);
        return pending.IsCompletedSuccessfully ? default : new ValueTask(pending.AsTask());
    }

    /// <summary>
    /// Starts a saga that records its progress in <see cref="CompensationConfig.Store"/>, retries compensations with
    /// <see cref="CompensationConfig.Retry"/> and counts them in this workflow's metrics.
    /// </summary>
    /// <param name="sagaId">Identifies the saga in the store; the same id resumes it after a restart.</param>
    public SagaBuilder CreateSaga(string sagaId) =>
        new SagaBuilder(sagaId)
            .WithStore(_sagaDefaults.Store)
            .WithCompensationRetry(_sagaDefaults.Retry)
            .WithTimeProvider(Config.TimeProvider)
            .WithTelemetry(_telemetry);

    /// <summary>Releases the bulkhead's limiter; queued executions are rejected.</summary>
    public void Dispose() => _parts.Dispose();

    private static async ValueTask<VoidResult> InvokeWithoutResult(Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken)
    {
        await operation(cancellationToken).ConfigureAwait(false);
        return default;
    }

    private async ValueTask<T> ExecuteCoreAsync<T, TOperation>(
        Func<TOperation, CancellationToken, ValueTask<T>> invoke, TOperation operation, string? cacheKey, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (cacheKey is not null)
        {
            context.Properties.Set(ExecutionProperties.CacheKey, cacheKey);
        }

        var startedAt = _telemetry.RecordsDuration ? Config.TimeProvider.GetTimestamp() : 0;
        Outcome<T> outcome;
        try
        {
            outcome = await Pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Workflow.RunAttempt(ctx, state.Invoke, state.Operation),
                context,
                (Workflow: this, Invoke: invoke, Operation: operation)).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Polly reports failures as outcomes; this only catches a strategy delegate that threw (e.g. a cancelled queue wait).
            outcome = Outcome.FromException<T>(error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        Finish(outcome, startedAt);
        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private ValueTask<Outcome<T>> RunAttempt<T, TOperation>(ResilienceContext context, Func<TOperation, CancellationToken, ValueTask<T>> invoke, TOperation operation)
    {
        _telemetry.Attempt();
        if (_tracksOperationStart)
        {
            context.Properties.Set(ExecutionProperties.OperationStarted, true);
        }

        ValueTask<T> pending;
        try
        {
            pending = invoke(operation, context.CancellationToken);
        }
        catch (Exception error)
        {
            return Outcome.FromExceptionAsValueTask<T>(error);
        }

        return pending.IsCompletedSuccessfully
            ? Outcome.FromResultAsValueTask(pending.Result)
            : AwaitAttemptAsync(pending, context);
    }

    private static async ValueTask<Outcome<T>> AwaitAttemptAsync<T>(ValueTask<T> pending, ResilienceContext context)
    {
        try
        {
            return Outcome.FromResult(await pending.ConfigureAwait(context.ContinueOnCapturedContext));
        }
        catch (Exception error)
        {
            return Outcome.FromException<T>(error);
        }
    }

    private void Finish<T>(in Outcome<T> outcome, long startedAt)
    {
        var failed = _parts.Classifier.IsFailure(outcome);
        _telemetry.Execution(succeeded: !failed);
        if (startedAt != 0)
        {
            _telemetry.Duration(Config.TimeProvider.GetElapsedTime(startedAt));
        }

        if (!failed)
        {
            if (Volatile.Read(ref _consecutiveFailures) != 0)
            {
                Interlocked.Exchange(ref _consecutiveFailures, 0);
            }

            return;
        }

        var streak = Interlocked.Increment(ref _consecutiveFailures);
        Config.OnFailure?.Invoke(new FailureInfo(outcome.Exception, outcome.Exception is null ? outcome.Result : null, streak));
        if (streak == Config.AlertThreshold)
        {
            _telemetry.Alert();
            Config.OnAlert!(new AlertInfo(Config.Name, streak, outcome.Exception));
        }
    }
}
