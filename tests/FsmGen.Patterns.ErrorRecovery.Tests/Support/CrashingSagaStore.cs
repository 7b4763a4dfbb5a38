namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>Stands in for the process dying: the store throws, and the saga run is over.</summary>
internal sealed class SimulatedCrashException() : Exception("simulated process crash");

/// <summary>
/// Wraps a real store and "kills the process" at save number <c>crashAt</c> (1-based): either just after that save is
/// durable, or instead of it (the save never happens).
/// </summary>
internal sealed class CrashingSagaStore(ISagaStore inner, int crashAt, bool afterSave) : ISagaStore
{
    private int _saves;

    public ValueTask<SagaState?> LoadAsync(string sagaId, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(sagaId, cancellationToken);

    public async ValueTask SaveAsync(SagaState state, CancellationToken cancellationToken = default)
    {
        if (++_saves == crashAt && !afterSave)
        {
            throw new SimulatedCrashException();
        }

        await inner.SaveAsync(state, cancellationToken);
        if (_saves == crashAt)
        {
            throw new SimulatedCrashException();
        }
    }

    public ValueTask DeleteAsync(string sagaId, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(sagaId, cancellationToken);
}
