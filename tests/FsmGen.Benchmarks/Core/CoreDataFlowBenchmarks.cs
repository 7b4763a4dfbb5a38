using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FsmGen.Benchmarks.Core.Machines;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 5: a 6-state data-flow pipeline over a readonly record struct (<see cref="Shipment"/>), per record
/// (OperationsPerInvoke = <see cref="Records"/>). The inputs mix the three paths: invalid (Received -> Rejected, about 1 in
/// 21), bulk (Received -> Priced -> MarkBulk -> Discounted -> Taxed -> Shipped) and normal (Received -> Priced -> Taxed ->
/// Shipped).
/// <list type="bullet">
/// <item>Sync category, baseline <c>HandWritten</c>: the same static methods called directly (<see cref="HandWrittenShipment.Run"/>).
/// <c>FsmGenRun</c> and <c>FsmGenRunAsync</c> are the generated <see cref="ShipmentFlow.Run"/> and
/// <see cref="ShipmentFlow.RunAsync"/> (the machine is all-sync, so RunAsync wraps Run); <c>FsmGenRunOrThrow</c> is
/// <see cref="ShipmentFlow.RunOrThrow"/>, which throws failures instead of returning them, as the hand-written chain does.
/// <c>StatelessModelled</c>: Stateless has no record flowing through states; modelled with the record in a field, bodies
/// as OnEntry actions, PermitIf guards and a driver loop firing one Next trigger (see <see cref="StatelessShipmentFlow"/>).
/// <c>HandWrittenCatching</c>: the hand-written chain inside a try/catch that returns the failure, the same contract as Run.
/// <c>HandWrittenNotInlined</c>: the hand-written chain in a NoInlining method with no catch
/// (<see cref="HandWrittenShipment.RunNotInlined"/>), the cost of the call alone. The JIT never inlines a method with a
/// try/catch, so a catching Run is always a real call: this row is its floor, and the gap from <c>HandWritten</c> to it is
/// the price of the call, not of the machine; the gap from it to <c>HandWrittenCatching</c> is the price of the catch.
/// <c>HandWrittenAwaited</c>: the hand-written chain awaited in the same async loop as <c>FsmGenRunAsync</c>, its fair
/// reference.</item>
/// <item>Async category, baseline <c>HandWrittenAsync</c>: an async method awaiting the ValueTask bodies of
/// <see cref="AsyncShipmentFlow"/>; <c>FsmGenRunAsyncOfAsyncMachine</c>: its generated RunAsync. All complete synchronously.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CoreDataFlowBenchmarks
{
    public const int Records = 256;

    private Shipment[] _inputs = null!;
    private ShipmentFlow _fsm = null!;
    private AsyncShipmentFlow _fsmAsync = null!;
    private StatelessShipmentFlow _stateless = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new Shipment[Records];
        for (var i = 0; i < Records; i++) _inputs[i] = new Shipment(i, i % 21, 100 + (i % 7) * 25, 0, 0);
        _fsm = new ShipmentFlow();
        _fsmAsync = new AsyncShipmentFlow();
        _stateless = new StatelessShipmentFlow();

        var expected = HandWritten();
        foreach (var other in new[] { FsmGenRun(), FsmGenRunOrThrow(), Sync(FsmGenRunAsync()), Sync(HandWrittenAwaited()), HandWrittenCatching(), HandWrittenNotInlined(), Sync(HandWrittenCatchingAwaited()), StatelessModelled(), Sync(HandWrittenAsync()), Sync(FsmGenRunAsyncOfAsyncMachine()), Sync(FsmGenRunOrThrowAsync()), Sync(FsmGenRunOrThrowAsyncOfAsyncMachine()) })
        {
            if (other != expected) throw new InvalidOperationException("The implementations disagree: " + expected + " vs " + other);
        }

        // Each path's final state agrees too.
        foreach (var input in _inputs)
        {
            var hand = HandWrittenShipment.Run(input);
            var generated = _fsm.Run(input);
            if ((int)generated.FinalState != (int)hand.Stage || generated.Data != hand.Data || generated.Emitted != (hand.Stage == ShipmentStage.Shipped))
            {
                throw new InvalidOperationException("Run disagrees with the hand-written chain on " + input + ".");
            }
        }
    }

    private static long Sync(ValueTask<long> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("Expected synchronous completion.");

    [BenchmarkCategory("Sync"), Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public long HandWritten()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data) = HandWrittenShipment.Run(inputs[i]);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public long FsmGenRun()
    {
        var machine = _fsm;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = machine.Run(inputs[i]);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }

    /// <summary>
    /// <see cref="ShipmentFlow.RunOrThrow"/>: the same run without the catch (a failure is thrown, as from the hand-written
    /// chain), so the JIT can inline it; the like-for-like comparison with <c>HandWritten</c>.
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public long FsmGenRunOrThrow()
    {
        var machine = _fsm;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = machine.RunOrThrow(inputs[i]);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }

    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> FsmGenRunAsync()
    {
        var machine = _fsm;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = await machine.RunAsync(inputs[i]).ConfigureAwait(false);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }

    /// <summary>
    /// The hand-written chain with a try/catch that returns a failure instead of throwing, as the generated Run does
    /// (<see cref="HandWrittenShipment.RunCatching"/>): the same contract, written by hand.
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public long HandWrittenCatching()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data, _) = HandWrittenShipment.RunCatching(inputs[i]);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    /// <summary>
    /// The hand-written chain in a method that is not inlined and has no catch (<see cref="HandWrittenShipment.RunNotInlined"/>):
    /// the cost of the call alone, the floor of any catching Run.
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public long HandWrittenNotInlined()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data) = HandWrittenShipment.RunNotInlined(inputs[i]);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    /// <summary>
    /// The hand-written chain consumed the way <c>FsmGenRunAsync</c> is (wrapped in a completed ValueTask, awaited in an
    /// async loop): the fair reference for RunAsync, since the awaiting loop has a cost of its own.
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> HandWrittenAwaited()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data) = await new ValueTask<(ShipmentStage, Shipment)>(HandWrittenShipment.Run(inputs[i])).ConfigureAwait(false);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    /// <summary>
    /// <see cref="ShipmentFlow.RunOrThrowAsync"/>, awaited as <c>FsmGenRunAsync</c> is: the no-catch run in a completed
    /// ValueTask; the like-for-like comparison with <c>HandWrittenAwaited</c>.
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> FsmGenRunOrThrowAsync()
    {
        var machine = _fsm;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = await machine.RunOrThrowAsync(inputs[i]).ConfigureAwait(false);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }

    /// <summary>
    /// The hand-written chain with the catch of <see cref="HandWrittenShipment.RunCatching"/>, awaited as
    /// <c>FsmGenRunAsync</c> is: the like-for-like reference for RunAsync of an all-sync machine (same contract, same await).
    /// </summary>
    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> HandWrittenCatchingAwaited()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data, _) = await new ValueTask<(ShipmentStage, Shipment, Exception?)>(HandWrittenShipment.RunCatching(inputs[i])).ConfigureAwait(false);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    [BenchmarkCategory("Sync"), Benchmark(OperationsPerInvoke = Records)]
    public long StatelessModelled()
    {
        var machine = _stateless;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data) = machine.Run(inputs[i]);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    [BenchmarkCategory("Async"), Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public async ValueTask<long> HandWrittenAsync()
    {
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (stage, data) = await HandWrittenShipment.RunAsync(inputs[i]).ConfigureAwait(false);
            sum += data.TotalCents + data.Flags + (int)stage;
        }

        return sum;
    }

    /// <summary><see cref="AsyncShipmentFlow.RunOrThrowAsync"/>: the async fast path without the catch (failures thrown).</summary>
    [BenchmarkCategory("Async"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> FsmGenRunOrThrowAsyncOfAsyncMachine()
    {
        var machine = _fsmAsync;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = await machine.RunOrThrowAsync(inputs[i]).ConfigureAwait(false);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }

    [BenchmarkCategory("Async"), Benchmark(OperationsPerInvoke = Records)]
    public async ValueTask<long> FsmGenRunAsyncOfAsyncMachine()
    {
        var machine = _fsmAsync;
        var inputs = _inputs;
        long sum = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = await machine.RunAsync(inputs[i]).ConfigureAwait(false);
            sum += result.Data.TotalCents + result.Data.Flags + (int)result.FinalState;
        }

        return sum;
    }
}
