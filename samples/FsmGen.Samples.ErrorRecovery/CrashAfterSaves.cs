using FsmGen.Patterns.ErrorRecovery;

namespace FsmGen.Samples.ErrorRecovery;

/// <summary>Simulates the process dying right after the <c>n</c>-th save of saga progress reached the disk.</summary>
internal sealed class CrashAfterSaves(ISagaStore inner, int saves) : ISagaStore
{
    private int _saved;

    public ValueTask<SagaState?> LoadAsync(string sagaId, CancellationToken cancellationToken = default) => inner.LoadAsync(sagaId, cancellationToken);

    public async ValueTask SaveAsync(SagaState state, CancellationToken cancellationToken = default)
    {
        await inner.SaveAsync(state, cancellationToken);
        if (++_saved == saves)
        {
            throw new InvalidOperationException("simulated crash");
        }
    }

    public ValueTask DeleteAsync(string sagaId, CancellationToken cancellationToken = default) => inner.DeleteAsync(sagaId, cancellationToken);
}
