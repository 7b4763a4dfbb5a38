namespace FsmGen;

/// <summary>Implemented by every generated event-driven machine.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger enum.</typeparam>
public interface IEventMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The current state.</summary>
    TState Current { get; }

    /// <summary>
    /// Fires a trigger, running guards and actions; async members are awaited. Returns false when the trigger was ignored
    /// by policy. Completes synchronously when every member it calls already has; a member that throws before returning
    /// its task throws from this call, other failures and cancellation surface from the returned task.
    /// </summary>
    ValueTask<bool> FireAsync(TTrigger trigger, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="trigger"/> would move the machine now (guards evaluated).</summary>
    ValueTask<bool> CanFireAsync(TTrigger trigger, CancellationToken cancellationToken = default);

    /// <summary>Puts the machine in a saved state without running entry or exit actions.</summary>
    void Restore(TState state);
}
