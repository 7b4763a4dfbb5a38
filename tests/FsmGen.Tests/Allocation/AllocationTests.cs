using FsmGen.Tests.EventDriven;

namespace FsmGen.Tests.Allocation;

/// <summary>
/// The executor's promise: the synchronous paths and a synchronously completing async path allocate nothing.
/// Measured with the thread's allocation counter after a warm-up, over many calls, so one stray allocation fails the test.
/// Run in Release (as README and CI do): a Debug build compiles async methods into classes, which allocate by design.
/// </summary>
public sealed class AllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void Fire_allocates_nothing()
    {
        var turnstile = new TurnstileMachine();
        var triggers = new[] { TurnstileTrigger.Coin, TurnstileTrigger.Push };

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++) turnstile.Fire(triggers[i & 1]);
        }));
    }

    [Fact]
    public void Hierarchical_Fire_allocates_nothing_when_hooks_and_actions_do_not()
    {
        var turnstile = new TurnstileMachine { Powered = false };

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++) turnstile.TryFire(TurnstileTrigger.Coin);
        }));
    }

    [Fact]
    public void FireAsync_on_a_synchronous_machine_allocates_nothing()
    {
        var turnstile = new TurnstileMachine();
        var triggers = new[] { TurnstileTrigger.Coin, TurnstileTrigger.Push };

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++) _ = turnstile.FireAsync(triggers[i & 1]).Result;
        }));
    }

    [Fact]
    public void FireAsync_with_async_members_completing_synchronously_allocates_nothing()
    {
        var machine = new GatedMachine { Logging = false };
        var triggers = new[] { GateTrigger.Start, GateTrigger.Stop };

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                var firing = machine.FireAsync(triggers[i & 1]);
                if (!firing.IsCompletedSuccessfully) throw new InvalidOperationException("expected synchronous completion");
            }
        }));
    }

    [Fact]
    public void Run_allocates_nothing()
    {
        var flow = new CounterFlow();
        var total = 0;

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++) total += flow.Run(i).Data;
        }));
        Assert.NotEqual(0, total);
    }

    [Fact]
    public void RunOrThrow_allocates_nothing()
    {
        var flow = new CounterFlow();
        var total = 0;

        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Calls; i++) total += flow.RunOrThrow(i).Data;
        }));
        Assert.NotEqual(0, total);
    }

    [Fact]
    public void RunAsync_completing_synchronously_allocates_nothing()
    {
        var flow = new AsyncCounterFlow();
        var emitted = 0;

        Assert.Equal(0, Measure(() =>
        {
            emitted = 0;
            for (var i = 0; i < Calls; i++)
            {
                var pending = flow.RunAsync(i - 5);
                if (!pending.IsCompletedSuccessfully) throw new InvalidOperationException("expected synchronous completion");
                if (pending.Result.Emitted) emitted++;
            }
        }));
        Assert.Equal(Calls - 5, emitted);
    }

    private static long Measure(Action action)
    {
        action(); // warm-up: first calls JIT-compile and may initialize statics
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
