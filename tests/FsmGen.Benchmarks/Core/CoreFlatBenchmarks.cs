using BenchmarkDotNet.Attributes;
using FsmGen.Benchmarks.Core.Machines;
using Stateless;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 1: a flat 4-state cycle (Idle -Start[guard]-> Running -Pause-> Paused -Stop-> Stopped -Reset-> Idle), fired
/// <see cref="Fires"/> times per invoke; every result is per transition (OperationsPerInvoke). Triggers come from an
/// array and the guard reads a mutable field, so the JIT cannot fold the loop. Every entry action increments a counter.
/// <list type="bullet">
/// <item><c>HandWritten</c> (baseline): an [AggressiveInlining] switch, the physical limit.</item>
/// <item><c>FsmGen</c>: the generated <see cref="CycleMachine.Fire"/>.</item>
/// <item><c>Stateless</c>: Stateless 5.20.1, Permit/PermitIf/OnEntry, FiringMode.Immediate (its fastest mode).</item>
/// </list>
/// Target: FsmGen at most 1.1x HandWritten, 0 B.
/// </summary>
[MemoryDiagnoser]
public class CoreFlatBenchmarks
{
    public const int Fires = 1024;

    private CycleTrigger[] _triggers = null!;
    private CycleMachine _fsm = null!;
    private HandWrittenCycle _hand = null!;
    private StateMachine<CycleState, CycleTrigger> _stateless = null!;
    private int _statelessEntries;

    /// <summary>Read by the Stateless guard (the generated and hand-written machines read their own field).</summary>
    public bool Enabled = true;

    [GlobalSetup]
    public void Setup()
    {
        _triggers = CycleTriggers(Fires);
        _fsm = new CycleMachine();
        _hand = new HandWrittenCycle();
        _stateless = CreateStateless(this);

        // Same work three ways: each must end where it started, with one entry per trigger.
        Check(HandWritten(), FsmGen(), Stateless());
        Check(_hand.Entries, _fsm.Entries, _statelessEntries);
        if (_hand.Current != CycleState.Idle || _fsm.Current != CycleMachine.StateId.Idle || _stateless.State != CycleState.Idle)
        {
            throw new InvalidOperationException("The cycle did not end in Idle.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fires)]
    public int HandWritten()
    {
        var machine = _hand;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.Fire(triggers[i])) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public int FsmGen()
    {
        var machine = _fsm;
        var triggers = _triggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.Fire(triggers[i])) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
    public int Stateless()
    {
        var machine = _stateless;
        var triggers = _triggers;
        for (var i = 0; i < triggers.Length; i++)
        {
            machine.Fire(triggers[i]);
        }

        return triggers.Length;
    }

    /// <summary>Start, Pause, Stop, Reset repeated: a whole number of cycles when <paramref name="count"/> is a multiple of 4.</summary>
    internal static CycleTrigger[] CycleTriggers(int count)
    {
        var triggers = new CycleTrigger[count];
        for (var i = 0; i < count; i++) triggers[i] = (CycleTrigger)(i % 4);
        return triggers;
    }

    private static StateMachine<CycleState, CycleTrigger> CreateStateless(CoreFlatBenchmarks owner)
    {
        var machine = new StateMachine<CycleState, CycleTrigger>(CycleState.Idle, FiringMode.Immediate);
        machine.Configure(CycleState.Idle)
            .OnEntry(() => owner._statelessEntries++)
            .PermitIf(CycleTrigger.Start, CycleState.Running, () => owner.Enabled);
        machine.Configure(CycleState.Running)
            .OnEntry(() => owner._statelessEntries++)
            .Permit(CycleTrigger.Pause, CycleState.Paused);
        machine.Configure(CycleState.Paused)
            .OnEntry(() => owner._statelessEntries++)
            .Permit(CycleTrigger.Stop, CycleState.Stopped);
        machine.Configure(CycleState.Stopped)
            .OnEntry(() => owner._statelessEntries++)
            .Permit(CycleTrigger.Reset, CycleState.Idle);
        return machine;
    }

    internal static void Check(params int[] values)
    {
        if (values.Distinct().Count() != 1) throw new InvalidOperationException("The implementations disagree: " + string.Join(", ", values));
    }
}
