namespace FsmGen.Generators.Model;

/// <summary>
/// The arguments the generated code passes to <c>StateRecovery.CreatePipeline</c> for one state: the values of its
/// [Retry], [Deadline] and [CircuitBreaker] attributes, defaults filled in; zero leaves a strategy out.
/// </summary>
/// <param name="Backoff">The <c>BackoffStrategy</c> member name, e.g. <c>Exponential</c>.</param>
internal sealed record RecoveryPipelineModel(
    int MaxRetries,
    int DelayMilliseconds,
    string Backoff,
    int DeadlineMilliseconds,
    int BreakerThreshold,
    int BreakerOpenMilliseconds);

/// <summary>
/// The error recovery of one state, after validation. A [Fallback] is not here: it becomes the state's last failure
/// route (a <see cref="TransitionModel"/> with OnFailure and no exception type), so it is drawn and emitted like one.
/// </summary>
/// <param name="Pipeline">The pipeline the state body runs through, or null when the state has none.</param>
/// <param name="Compensation">The [Compensate] method (data-flow only), or null.</param>
/// <param name="BodyIsStatic">The state method is static, so the pipeline callback calls it without the machine.</param>
internal sealed record RecoveryModel(RecoveryPipelineModel? Pipeline, MethodCall? Compensation, bool BodyIsStatic);
