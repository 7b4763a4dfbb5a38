namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// Durable storage of <see cref="SagaState"/>. A saga saves after every step and every compensation and does not move
/// on until <see cref="SaveAsync"/> returns, so an implementation must make the state durable (or throw) before it
/// returns. An exception from the store is fatal to the run: it propagates, and the next run resumes from the last
/// saved state.
/// </summary>
public interface ISagaStore
{
    /// <summary>Reads the last saved state of a saga, or null if it was never saved.</summary>
    /// <param name="sagaId">The saga's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<SagaState?> LoadAsync(string sagaId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the saved state of <see cref="SagaState.SagaId"/>, durably, before returning.</summary>
    /// <param name="state">The state to save.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SaveAsync(SagaState state, CancellationToken cancellationToken = default);

    /// <summary>Forgets a saga; running it again starts it from the first step.</summary>
    /// <param name="sagaId">The saga's id.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    ValueTask DeleteAsync(string sagaId, CancellationToken cancellationToken = default);
}
