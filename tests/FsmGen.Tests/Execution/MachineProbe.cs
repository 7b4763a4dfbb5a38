namespace FsmGen.Tests.Execution;

/// <summary>Shared by every <see cref="DoublingMachine"/> of a test: counts calls and lets the test hook into each one.</summary>
internal sealed class MachineProbe
{
    private int _calls;
    private int _active;
    private int _maxActive;
    private int _instances;
    private int _reentrantCalls;

    /// <summary>Runs at the start of every machine call, with the input and the runner's token.</summary>
    public Func<int, CancellationToken, ValueTask>? BeforeRun { get; init; }

    /// <summary>Machine calls started.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Machine calls started and not yet returned.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>The most calls that were active at once.</summary>
    public int MaxActive => Volatile.Read(ref _maxActive);

    /// <summary>Machines created through <see cref="CreateMachine"/>.</summary>
    public int Instances => Volatile.Read(ref _instances);

    /// <summary>Calls that started while the same instance was already running one.</summary>
    public int ReentrantCalls => Volatile.Read(ref _reentrantCalls);

    public IDataFlowMachine<DoublerState, int> CreateMachine()
    {
        Interlocked.Increment(ref _instances);
        return new DoublingMachine(this);
    }

    public int Enter()
    {
        var active = Interlocked.Increment(ref _active);
        int seen;
        while (active > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, active, seen) != seen)
        {
        }

        return Interlocked.Increment(ref _calls);
    }

    public void Exit() => Interlocked.Decrement(ref _active);

    public void ReportReentrantCall() => Interlocked.Increment(ref _reentrantCalls);
}
