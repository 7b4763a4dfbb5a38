using System.Collections.Concurrent;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Keeps saga states in memory: progress survives between runs in one process, not a restart.</summary>
public sealed class InMemorySagaStore : ISagaStore
{
    private readonly ConcurrentDictionary<string, SagaState> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<SagaState?> LoadAsync(string sagaId, CancellationToken cancellationToken = default) =>
        new(_states.TryGetValue(sagaId, out var state) ? state : null);

    /// <inheritdoc />
    public ValueTask SaveAsync(SagaState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        _states[state.SagaId] = state;
        return default;
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string sagaId, CancellationToken cancellationToken = default)
    {
        _states.TryRemove(sagaId, out _);
        return default;
    }
}
