using System.Runtime.CompilerServices;

namespace FsmGen.Benchmarks.Core.Machines;

/// <summary>
/// Case 4, generated: the 4-state cycle of <see cref="CycleMachine"/> with an async guard and async entry actions that
/// complete synchronously (they return completed ValueTasks), so only FireAsync is generated.
/// </summary>
[StateMachine(Triggers = typeof(CycleTrigger))]
public partial class AsyncCycleMachine
{
    public bool Enabled = true;

    public int Entries;

    [State(Start = true)]
    [Transition(To = nameof(Running), On = CycleTrigger.Start, When = nameof(CanStartAsync))]
    private ValueTask Idle(CancellationToken ct)
    {
        Entries++;
        return default;
    }

    [State]
    [Transition(To = nameof(Paused), On = CycleTrigger.Pause)]
    private ValueTask Running(CancellationToken ct)
    {
        Entries++;
        return default;
    }

    [State]
    [Transition(To = nameof(Stopped), On = CycleTrigger.Stop)]
    private ValueTask Paused(CancellationToken ct)
    {
        Entries++;
        return default;
    }

    [State]
    [Transition(To = nameof(Idle), On = CycleTrigger.Reset)]
    private ValueTask Stopped(CancellationToken ct)
    {
        Entries++;
        return default;
    }

    private ValueTask<bool> CanStartAsync(CancellationToken ct) => new(Enabled);
}

/// <summary>Case 4, hand-written: the same async cycle, two ways.</summary>
public sealed class HandWrittenAsyncCycle
{
    public bool Enabled = true;
    public int Entries;
    private CycleState _current = CycleState.Idle;

    public CycleState Current => _current;

    /// <summary>What a person writes: an async method awaiting the async guard and entry action.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public async ValueTask<bool> FireAsync(CycleTrigger trigger, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        switch (_current)
        {
            case CycleState.Idle:
                if (trigger == CycleTrigger.Start)
                {
                    if (!await CanStartAsync(ct).ConfigureAwait(false)) return GuardFailed(trigger);
                    _current = CycleState.Running;
                    await EnterAsync(ct).ConfigureAwait(false);
                    return true;
                }

                break;
            case CycleState.Running:
                if (trigger == CycleTrigger.Pause)
                {
                    _current = CycleState.Paused;
                    await EnterAsync(ct).ConfigureAwait(false);
                    return true;
                }

                break;
            case CycleState.Paused:
                if (trigger == CycleTrigger.Stop)
                {
                    _current = CycleState.Stopped;
                    await EnterAsync(ct).ConfigureAwait(false);
                    return true;
                }

                break;
            case CycleState.Stopped:
                if (trigger == CycleTrigger.Reset)
                {
                    _current = CycleState.Idle;
                    await EnterAsync(ct).ConfigureAwait(false);
                    return true;
                }

                break;
        }

        return Unhandled(trigger);
    }

    /// <summary>
    /// The limit: a non-async method that checks each ValueTask for synchronous completion and only falls back to an
    /// async method when one is really pending (no async state machine on the synchronous path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ValueTask<bool> FireAsyncFastPath(CycleTrigger trigger, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        ValueTask entered;
        switch (_current)
        {
            case CycleState.Idle:
                if (trigger == CycleTrigger.Start)
                {
                    var guard = CanStartAsync(ct);
                    if (!guard.IsCompletedSuccessfully) return StartAfterGuardAsync(guard, trigger, ct);
                    if (!guard.Result) return new ValueTask<bool>(GuardFailed(trigger));
                    _current = CycleState.Running;
                    entered = EnterAsync(ct);
                    break;
                }

                return new ValueTask<bool>(Unhandled(trigger));
            case CycleState.Running:
                if (trigger == CycleTrigger.Pause)
                {
                    _current = CycleState.Paused;
                    entered = EnterAsync(ct);
                    break;
                }

                return new ValueTask<bool>(Unhandled(trigger));
            case CycleState.Paused:
                if (trigger == CycleTrigger.Stop)
                {
                    _current = CycleState.Stopped;
                    entered = EnterAsync(ct);
                    break;
                }

                return new ValueTask<bool>(Unhandled(trigger));
            case CycleState.Stopped:
                if (trigger == CycleTrigger.Reset)
                {
                    _current = CycleState.Idle;
                    entered = EnterAsync(ct);
                    break;
                }

                return new ValueTask<bool>(Unhandled(trigger));
            default:
                return new ValueTask<bool>(Unhandled(trigger));
        }

        return entered.IsCompletedSuccessfully ? new ValueTask<bool>(true) : AwaitEntered(entered);

        static async ValueTask<bool> AwaitEntered(ValueTask pending)
        {
            await pending.ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The slow path of <see cref="FireAsyncFastPath"/> when the guard is really pending.</summary>
    private async ValueTask<bool> StartAfterGuardAsync(ValueTask<bool> guard, CycleTrigger trigger, CancellationToken ct)
    {
        if (!await guard.ConfigureAwait(false)) return GuardFailed(trigger);
        _current = CycleState.Running;
        await EnterAsync(ct).ConfigureAwait(false);
        return true;
    }

    private ValueTask<bool> CanStartAsync(CancellationToken ct) => new(Enabled);

    private ValueTask EnterAsync(CancellationToken ct)
    {
        Entries++;
        return default;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Unhandled(CycleTrigger trigger) => throw new InvalidOperationException("Cannot handle " + trigger + " in " + _current + ".");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool GuardFailed(CycleTrigger trigger) => throw new InvalidOperationException("Guard of " + trigger + " in " + _current + " was false.");
}
