using BenchmarkDotNet.Attributes;
using FsmGen.Benchmarks.Core.Machines;
using Stateless;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 3: hierarchical transitions that exit and enter two levels, per transition (OperationsPerInvoke). Root contains
/// A and B; A contains A1, B contains B1; the triggers alternate Cross (A1 -> B1: exit A1, exit A, enter B, enter B1) and
/// Back (declared on B, fired in B1: exit B1, exit B, enter A, enter A1).
/// <list type="bullet">
/// <item><c>FsmGenFlat</c> (baseline): the generated flat <see cref="CycleMachine.Fire"/> of case 1, for the target
/// "hierarchical at most 2x a flat Fire" (the Ratio column of <c>FsmGen</c> is that ratio).</item>
/// <item><c>HandWritten</c>: the hierarchy as an [AggressiveInlining] switch with every exit and entry written out.</item>
/// <item><c>FsmGen</c>: the generated <see cref="ZoneMachine.Fire"/>.</item>
/// <item><c>Stateless</c>: Stateless 5.20.1 with SubstateOf, OnEntry and OnExit, FiringMode.Immediate.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class CoreHierarchicalBenchmarks
{
    public const int Fires = 1024;

    private ZoneTrigger[] _triggers = null!;
    private CycleTrigger[] _flatTriggers = null!;
    private CycleMachine _flat = null!;
    private ZoneMachine _fsm = null!;
    private HandWrittenZone _hand = null!;
    private StateMachine<ZoneState, ZoneTrigger> _stateless = null!;
    private int _statelessEntries;
    private int _statelessExits;

    [GlobalSetup]
    public void Setup()
    {
        _triggers = new ZoneTrigger[Fires];
        for (var i = 0; i < Fires; i++) _triggers[i] = i % 2 == 0 ? ZoneTrigger.Cross : ZoneTrigger.Back;
        _flatTriggers = CoreFlatBenchmarks.CycleTriggers(Fires);
        _flat = new CycleMachine();
        _fsm = new ZoneMachine();
        _hand = new HandWrittenZone();
        _stateless = new StateMachine<ZoneState, ZoneTrigger>(ZoneState.A1, FiringMode.Immediate);
        _stateless.Configure(ZoneState.Root)
            .OnEntry(() => _statelessEntries++);
        _stateless.Configure(ZoneState.A)
            .SubstateOf(ZoneState.Root)
            .OnEntry(() => _statelessEntries++)
            .OnExit(() => _statelessExits++);
        _stateless.Configure(ZoneState.A1)
            .SubstateOf(ZoneState.A)
            .OnEntry(() => _statelessEntries++)
            .OnExit(() => _statelessExits++)
            .Permit(ZoneTrigger.Cross, ZoneState.B1);
        _stateless.Configure(ZoneState.B)
            .SubstateOf(ZoneState.Root)
            .OnEntry(() => _statelessEntries++)
            .OnExit(() => _statelessExits++)
            .Permit(ZoneTrigger.Back, ZoneState.A1);
        _stateless.Configure(ZoneState.B1)
            .SubstateOf(ZoneState.B)
            .OnEntry(() => _statelessEntries++)
            .OnExit(() => _statelessExits++);

        CoreFlatBenchmarks.Check(Fires, FsmGenFlat(), HandWritten(), FsmGen(), Stateless());
        // Two exits and two entries per transition, everywhere; each machine back in A1.
        CoreFlatBenchmarks.Check(2 * Fires, _hand.Entries, _hand.Exits, _fsm.Entries, _fsm.Exits, _statelessEntries, _statelessExits);
        if (_hand.Current != ZoneState.A1 || _fsm.Current != ZoneMachine.StateId.A1 || _stateless.State != ZoneState.A1)
        {
            throw new InvalidOperationException("The hierarchy did not end in A1.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fires)]
    public int FsmGenFlat()
    {
        var machine = _flat;
        var triggers = _flatTriggers;
        var fired = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.Fire(triggers[i])) fired++;
        }

        return fired;
    }

    [Benchmark(OperationsPerInvoke = Fires)]
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
}
