using BenchmarkDotNet.Attributes;
using FsmGen.Benchmarks.Core.Machines;
using Stateless;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 4: FireAsync on the 4-state cycle of case 1 when the guard and entry actions are async but complete
/// synchronously, per transition (OperationsPerInvoke). Each async benchmark is an async ValueTask method awaiting
/// every FireAsync in a loop (its own state machine runs once per invoke, i.e. 1/1024 per transition).
/// <list type="bullet">
/// <item><c>FsmGenSyncFire</c> (baseline): the generated synchronous <see cref="CycleMachine.Fire"/>, for the target
/// "FireAsync at most 3x sync Fire" (the Ratio column is that ratio).</item>
/// <item><c>FsmGenFireAsyncOfSyncMachine</c>: <see cref="CycleMachine.FireAsync"/> of the all-sync machine.</item>
/// <item><c>FsmGenFireAsync</c>: <see cref="AsyncCycleMachine.FireAsync"/>, ValueTask guard and entry actions.</item>
/// <item><c>HandWrittenFireAsync</c>: the same cycle as a plain async ValueTask method awaiting guard and entries.</item>
/// <item><c>HandWrittenFireAsyncFastPath</c>: a non-async method that takes each ValueTask's result when it completed
/// synchronously and only falls back to an async method when one is pending.</item>
/// <item><c>StatelessFireAsync</c>: Stateless 5.20.1 FireAsync with OnEntryAsync (Task.CompletedTask); its guards
/// can only be synchronous (PermitIf takes Func&lt;bool&gt;).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class CoreAsyncBenchmarks
{
    public const int Fires = 1024;

    private CycleTrigger[] _triggers = null!;
    private CycleMachine _sync = null!;
    private CycleMachine _syncForAsync = null!;
    private AsyncCycleMachine _fsm = null!;
    private HandWrittenAsyncCycle _hand = null!;
    private HandWrittenAsyncCycle _handFast = null!;
    private StateMachine<CycleState, CycleTrigger> _stateless = null!;
    private int _statelessEntries;

    /// <summary>Read by the Stateless guard.</summary>
    public bool Enabled = true;

    [GlobalSetup]
    public void Setup()
    {
        _triggers = CoreFlatBenchmarks.CycleTriggers(Fires);
        _sync = new CycleMachine();
        _syncForAsync = new CycleMachine();
        _fsm = new AsyncCycleMachine();
        _hand = new HandWrittenAsyncCycle();
        _handFast = new HandWrittenAsyncCycle();
        _stateless = new StateMachine<CycleState, CycleTrigger>(CycleState.Idle, FiringMode.Immediate);
        _stateless.Configure(CycleState.Idle)
            .OnEntryAsync(() => Enter())
            .PermitIf(CycleTrigger.Start, CycleState.Running, () => Enabled);
        _stateless.Configure(CycleState.Running)
            .OnEntryAsync(() => Enter())
            .Permit(CycleTrigger.Pause, CycleState.Paused);
        _stateless.Configure(CycleState.Paused)
            .OnEntryAsync(() => Enter())
            .Permit(CycleTrigger.Stop, CycleState.Stopped);
        _stateless.Configure(CycleState.Stopped)
            .OnEntryAsync(() => Enter())
            .Permit(CycleTrigger.Reset, CycleState.Idle);

        CoreFlatBenchmarks.Check(
            Fires,
            FsmGenSyncFire(),
            Completed(FsmGenFireAsyncOfSyncMachine()),
            Completed(FsmGenFireAsync()),
            Completed(HandWrittenFireAsync()),
            Completed(HandWrittenFireAsyncFastPath()),
            StatelessFireAsync().GetAwaiter().GetResult());
        CoreFlatBenchmarks.Check(Fires, _sync.Entries, _syncForAsync.Entries, _fsm.Entries, _hand.Entries, _handFast.Entries, _statelessEntries);
    }

    private Task Enter()
    {
        _statelessEntries++;
        return Task.CompletedTask;
    }

    /// <summary>The result of a ValueTask that must have completed synchronously.</summary>
    private static int Completed(ValueTask<int> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("Expected synchronous completion.");

    [Benchmark(Baseline = true, OperationsPerInvoke = Fires)]
    public int FsmGenSyncFire()
    {
        var machine = _sync;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.Fire(triggers[i])) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public async ValueTask<int> FsmGenFireAsyncOfSyncMachine()
    {
        var machine = _syncForAsync;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (await machine.FireAsync(triggers[i]).ConfigureAwait(false)) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public async ValueTask<int> FsmGenFireAsync()
    {
        var machine = _fsm;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (await machine.FireAsync(triggers[i]).ConfigureAwait(false)) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public async ValueTask<int> HandWrittenFireAsync()
    {
        var machine = _hand;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (await machine.FireAsync(triggers[i]).ConfigureAwait(false)) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public async ValueTask<int> HandWrittenFireAsyncFastPath()
    {
        var machine = _handFast;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (await machine.FireAsyncFastPath(triggers[i]).ConfigureAwait(false)) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public async Task<int> StatelessFireAsync()
    {
        var machine = _stateless;
        var triggers = _triggers;
        for (var i = 0; i < triggers.Length; i++)
        {
            await machine.FireAsync(triggers[i]).ConfigureAwait(false);
        }

        return triggers.Length;
    }
}
