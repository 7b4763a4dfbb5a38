using System.Runtime.CompilerServices;

namespace FsmGen;

/// <summary>The outcome of one data-flow run: where it ended, the record as it was then, and the failure if any.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <typeparam name="TData">The record type that flows through the machine.</typeparam>
public readonly struct FlowResult<TState, TData>
    where TState : struct, Enum
{
    /// <summary>Creates a result; generated executors call this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlowResult(TState finalState, TData data, bool emitted, Exception? error, TState? failedState, Exception? handledError, int steps)
        : this(finalState, data, emitted, error, failedState, handledError, steps, compensated: 0, compensationError: null)
    {
    }

    /// <summary>Creates a result with the compensations of a run; executors of machines with <c>[Compensate]</c> states call this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FlowResult(
        TState finalState, TData data, bool emitted, Exception? error, TState? failedState, Exception? handledError, int steps, int compensated, Exception? compensationError)
    {
        FinalState = finalState;
        Data = data;
        // Emitted rides in the sign bit of the step count (a count is never negative; the mask keeps Emitted right even
        // if one were): a field fewer, so a clean result is 8 bytes smaller to copy out of Run and through RunAsync's ValueTask.
        _steps = emitted ? steps | int.MinValue : steps & int.MaxValue;
        // Everything about failures lives behind one reference, allocated only when a run met one, so the result of a
        // clean run stays small: it is copied out of every Run and through every ValueTask of RunAsync.
        _failure = error is null && failedState is null && handledError is null && compensated == 0 && compensationError is null
            ? null
            : new Failure(error, failedState, handledError, compensated, compensationError);
    }

    /// <summary>The state the run ended in (an end state, or the state where it stopped on an unhandled failure).</summary>
    public TState FinalState { get; }

    /// <summary>The record when the run ended.</summary>
    public TData Data { get; }

    private readonly Failure? _failure;

    /// <summary>True when no state failed without a failure route.</summary>
    public bool Succeeded => _failure?.Error is null;

    /// <summary>True when the run reached an end state that emits output and did not fail.</summary>
    public bool Emitted => _steps < 0;

    /// <summary>The unhandled failure, or null.</summary>
    public Exception? Error => _failure?.Error;

    /// <summary>The state whose body, guard or transform threw the unhandled failure, or null.</summary>
    public TState? FailedState => _failure?.FailedState;

    /// <summary>The last failure that a failure route (<c>OnFailure</c> transition) handled, or null.</summary>
    public Exception? HandledError => _failure?.HandledError;

    /// <summary>How many states the run visited.</summary>
    public int Steps => _steps & int.MaxValue;

    private readonly int _steps;

    /// <summary>
    /// How many compensations (the <c>[Compensate]</c> methods of states that had completed) ran to the end after an
    /// unhandled failure; 0 when the run succeeded or the machine has none.
    /// </summary>
    public int Compensated => _failure?.Compensated ?? 0;

    /// <summary>The first exception a compensation threw (the other compensations still ran), or null.</summary>
    public Exception? CompensationError => _failure?.CompensationError;

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{FinalState} after {Steps} step(s)"
        : $"{FinalState} after {Steps} step(s), failed in {FailedState}: {Error!.Message}" + (Compensated > 0 ? $" ({Compensated} compensation(s))" : "");

    private sealed class Failure
    {
        public Failure(Exception? error, TState? failedState, Exception? handledError, int compensated, Exception? compensationError)
        {
            Error = error;
            FailedState = failedState;
            HandledError = handledError;
            Compensated = compensated;
            CompensationError = compensationError;
        }

        public Exception? Error { get; }

        public TState? FailedState { get; }

        public Exception? HandledError { get; }

        public int Compensated { get; }

        public Exception? CompensationError { get; }
    }
}
