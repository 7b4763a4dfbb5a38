using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FsmGen.Benchmarks.Core.Machines;
using Stateless;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 2: a guarded transition whose guard is false (Locked -Coin[Powered]-> Unlocked with Powered == false), per
/// call (OperationsPerInvoke).
/// <list type="bullet">
/// <item>Fire: the generated machine has GuardFailure = TriggerPolicy.Ignore, so Fire returns false; Stateless ignores it
/// through OnUnhandledTrigger (it throws otherwise); the hand-written switch returns false.</item>
/// <item>CanFire: the same question without firing.</item>
/// </list>
/// Baseline of each category: the hand-written [AggressiveInlining] switch.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CoreGuardBenchmarks
{
    public const int Calls = 1024;

    private GateTrigger[] _triggers = null!;
    private GateMachine _fsm = null!;
    private HandWrittenGate _hand = null!;
    private StateMachine<GateState, GateTrigger> _stateless = null!;

    /// <summary>Read by the Stateless guard; false for the whole run.</summary>
    public bool Powered;

    [GlobalSetup]
    public void Setup()
    {
        _triggers = Enumerable.Repeat(GateTrigger.Coin, Calls).ToArray();
        _fsm = new GateMachine { Powered = false };
        _hand = new HandWrittenGate { Powered = false };
        _stateless = new StateMachine<GateState, GateTrigger>(GateState.Locked, FiringMode.Immediate);
        _stateless.Configure(GateState.Locked).PermitIf(GateTrigger.Coin, GateState.Unlocked, () => Powered);
        _stateless.Configure(GateState.Unlocked).Permit(GateTrigger.Push, GateState.Locked);
        _stateless.OnUnhandledTrigger((_, _) => { });

        CoreFlatBenchmarks.Check(0, HandWrittenFire(), FsmGenFire(), StatelessFire(), HandWrittenCanFire(), FsmGenCanFire(), StatelessCanFire());
        if (_fsm.Current != GateMachine.StateId.Locked || _hand.Current != GateState.Locked || _stateless.State != GateState.Locked)
        {
            throw new InvalidOperationException("A false guard moved a machine.");
        }
    }

    [BenchmarkCategory("Fire"), Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int HandWrittenFire()
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

    [BenchmarkCategory("Fire"), Benchmark(OperationsPerInvoke = Calls)]
    public int FsmGenFire()
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

    [BenchmarkCategory("Fire"), Benchmark(OperationsPerInvoke = Calls)]
    public int StatelessFire()
    {
        var machine = _stateless;
        var triggers = _triggers;
        for (var i = 0; i < triggers.Length; i++)
        {
            machine.Fire(triggers[i]);
        }

        return machine.State == GateState.Locked ? 0 : 1;
    }

    [BenchmarkCategory("CanFire"), Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int HandWrittenCanFire()
    {
        var machine = _hand;
        var triggers = _triggers;
        var can = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.CanFire(triggers[i])) can++;
        }

        return can;
    }

    [BenchmarkCategory("CanFire"), Benchmark(OperationsPerInvoke = Calls)]
    public int FsmGenCanFire()
    {
        var machine = _fsm;
        var triggers = _triggers;
        var can = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.CanFire(triggers[i])) can++;
        }

        return can;
    }

    [BenchmarkCategory("CanFire"), Benchmark(OperationsPerInvoke = Calls)]
    public int StatelessCanFire()
    {
        var machine = _stateless;
        var triggers = _triggers;
        var can = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (machine.CanFire(triggers[i])) can++;
        }

        return can;
    }
}
