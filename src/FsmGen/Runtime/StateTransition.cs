namespace FsmGen;

/// <summary>One step of a data-flow run, as kept in the bounded execution history.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
public readonly record struct StateTransition<TState>(TState From, TState To)
    where TState : struct, Enum;

/// <summary>One transition of an event-driven machine, as kept in the bounded execution history.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <typeparam name="TTrigger">The machine's trigger enum.</typeparam>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="Trigger">The trigger that caused it.</param>
public readonly record struct StateTransition<TState, TTrigger>(TState From, TState To, TTrigger Trigger)
    where TState : struct, Enum
    where TTrigger : struct, Enum;
