using System.Runtime.CompilerServices;
using Stateless;

namespace FsmGen.Benchmarks.Core.Machines;

/// <summary>The record that flows through the data-flow pipelines: a small readonly record struct (no allocation per step).</summary>
public readonly record struct Shipment(int Id, int Quantity, long UnitCents, long TotalCents, int Flags);

/// <summary>Where a hand-written (or Stateless) run ended, in the generated machine's state order.</summary>
public enum ShipmentStage
{
    Received,
    Priced,
    Discounted,
    Taxed,
    Shipped,
    Rejected,
}

/// <summary>
/// Case 5, generated: 6 states. Received -> Rejected [IsInvalid] | Priced; Priced -> Discounted [IsBulk] / MarkBulk |
/// Taxed; Discounted -> Taxed; Taxed -> Shipped. The state bodies, guards and transform are internal so the
/// hand-written chain calls exactly the same methods.
/// </summary>
[StateMachine]
public partial class ShipmentFlow
{
    [State(Start = true)]
    [Transition(To = nameof(Rejected), When = nameof(IsInvalid), Priority = 1)]
    [Transition(To = nameof(Priced))]
    internal static Shipment Received(Shipment s) => s with { Flags = s.Flags | 1 };

    [State]
    [Transition(To = nameof(Discounted), When = nameof(IsBulk), Transform = nameof(MarkBulk), Priority = 1)]
    [Transition(To = nameof(Taxed))]
    internal static Shipment Priced(Shipment s) => s with { TotalCents = s.Quantity * s.UnitCents };

    [State]
    [Transition(To = nameof(Taxed))]
    internal static Shipment Discounted(Shipment s) => s with { TotalCents = s.TotalCents * 9 / 10 };

    [State]
    [Transition(To = nameof(Shipped))]
    internal static Shipment Taxed(Shipment s) => s with { TotalCents = s.TotalCents + s.TotalCents / 5 };

    [State(End = true)]
    internal static Shipment Shipped(Shipment s) => s with { Flags = s.Flags | 8 };

    [State(End = true, EmitOutput = false)]
    internal static Shipment Rejected(Shipment s) => s with { Flags = s.Flags | 16 };

    internal static bool IsInvalid(Shipment s) => s.Quantity <= 0;

    internal static bool IsBulk(Shipment s) => s.Quantity >= 10;

    internal static Shipment MarkBulk(Shipment s) => s with { Flags = s.Flags | 4 };
}

/// <summary>
/// Case 5 (async), generated: the same graph with ValueTask bodies and an async guard, all completing synchronously.
/// </summary>
[StateMachine]
public partial class AsyncShipmentFlow
{
    [State(Start = true)]
    [Transition(To = nameof(Rejected), When = nameof(IsInvalid), Priority = 1)]
    [Transition(To = nameof(Priced))]
    internal static ValueTask<Shipment> Received(Shipment s, CancellationToken ct) => new(ShipmentFlow.Received(s));

    [State]
    [Transition(To = nameof(Discounted), When = nameof(IsBulkAsync), Transform = nameof(MarkBulk), Priority = 1)]
    [Transition(To = nameof(Taxed))]
    internal static ValueTask<Shipment> Priced(Shipment s, CancellationToken ct) => new(ShipmentFlow.Priced(s));

    [State]
    [Transition(To = nameof(Taxed))]
    internal static ValueTask<Shipment> Discounted(Shipment s, CancellationToken ct) => new(ShipmentFlow.Discounted(s));

    [State]
    [Transition(To = nameof(Shipped))]
    internal static ValueTask<Shipment> Taxed(Shipment s, CancellationToken ct) => new(ShipmentFlow.Taxed(s));

    [State(End = true)]
    internal static ValueTask<Shipment> Shipped(Shipment s, CancellationToken ct) => new(ShipmentFlow.Shipped(s));

    [State(End = true, EmitOutput = false)]
    internal static ValueTask<Shipment> Rejected(Shipment s, CancellationToken ct) => new(ShipmentFlow.Rejected(s));

    internal static bool IsInvalid(Shipment s) => ShipmentFlow.IsInvalid(s);

    internal static ValueTask<bool> IsBulkAsync(Shipment s, CancellationToken ct) => new(ShipmentFlow.IsBulk(s));

    internal static Shipment MarkBulk(Shipment s) => ShipmentFlow.MarkBulk(s);
}

/// <summary>Case 5, hand-written: the same methods called directly, in the order the graph prescribes.</summary>
public static class HandWrittenShipment
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ShipmentStage Stage, Shipment Data) Run(Shipment s)
    {
        s = ShipmentFlow.Received(s);
        if (ShipmentFlow.IsInvalid(s)) return (ShipmentStage.Rejected, ShipmentFlow.Rejected(s));
        s = ShipmentFlow.Priced(s);
        if (ShipmentFlow.IsBulk(s))
        {
            s = ShipmentFlow.MarkBulk(s);
            s = ShipmentFlow.Discounted(s);
        }

        s = ShipmentFlow.Taxed(s);
        return (ShipmentStage.Shipped, ShipmentFlow.Shipped(s));
    }

    /// <summary>
    /// <see cref="Run"/>'s chain (Run is inlined into it) in a method the JIT may not inline, and with no catch: the cost of
    /// the call alone (arguments in, the tuple copied out), which is the floor of any method that cannot be inlined, such as
    /// one with a try/catch.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (ShipmentStage Stage, Shipment Data) RunNotInlined(Shipment s) => Run(s);

    /// <summary>
    /// The same chain doing the same work as the generated Run: a failure in a body ends the run and is returned with
    /// the state it happened in, instead of being thrown. Marked AggressiveInlining like the other hand-written chains;
    /// the JIT of .NET 10 still does not inline it, because of the catch, which is what this row shows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ShipmentStage Stage, Shipment Data, Exception? Error) RunCatching(Shipment s)
    {
        var stage = ShipmentStage.Received;
        try
        {
            s = ShipmentFlow.Received(s);
            if (ShipmentFlow.IsInvalid(s))
            {
                stage = ShipmentStage.Rejected;
                return (stage, ShipmentFlow.Rejected(s), null);
            }

            stage = ShipmentStage.Priced;
            s = ShipmentFlow.Priced(s);
            if (ShipmentFlow.IsBulk(s))
            {
                s = ShipmentFlow.MarkBulk(s);
                stage = ShipmentStage.Discounted;
                s = ShipmentFlow.Discounted(s);
            }

            stage = ShipmentStage.Taxed;
            s = ShipmentFlow.Taxed(s);
            stage = ShipmentStage.Shipped;
            return (stage, ShipmentFlow.Shipped(s), null);
        }
        catch (Exception exception)
        {
            return (stage, s, exception);
        }
    }

    /// <summary>The same chain over the async methods of <see cref="AsyncShipmentFlow"/>, as a plain async method.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static async ValueTask<(ShipmentStage Stage, Shipment Data)> RunAsync(Shipment s, CancellationToken ct = default)
    {
        s = await AsyncShipmentFlow.Received(s, ct).ConfigureAwait(false);
        if (AsyncShipmentFlow.IsInvalid(s)) return (ShipmentStage.Rejected, await AsyncShipmentFlow.Rejected(s, ct).ConfigureAwait(false));
        s = await AsyncShipmentFlow.Priced(s, ct).ConfigureAwait(false);
        if (await AsyncShipmentFlow.IsBulkAsync(s, ct).ConfigureAwait(false))
        {
            s = AsyncShipmentFlow.MarkBulk(s);
            s = await AsyncShipmentFlow.Discounted(s, ct).ConfigureAwait(false);
        }

        s = await AsyncShipmentFlow.Taxed(s, ct).ConfigureAwait(false);
        return (ShipmentStage.Shipped, await AsyncShipmentFlow.Shipped(s, ct).ConfigureAwait(false));
    }
}

/// <summary>
/// Case 5, Stateless, modelled: Stateless has no record flowing through states, so the record lives in a field, each
/// state's body is its OnEntry action, guards are PermitIf predicates over the field (with complements, since Stateless
/// rejects two permitted transitions), the arc transform runs on entry to Discounted (its only incoming arc), and a
/// driver loop fires a single <c>Next</c> trigger until an end state.
/// </summary>
public sealed class StatelessShipmentFlow
{
    private enum Step
    {
        Next,
    }

    private readonly StateMachine<ShipmentStage, Step> _machine;
    private ShipmentStage _state;
    private Shipment _data;

    public StatelessShipmentFlow()
    {
        _machine = new StateMachine<ShipmentStage, Step>(() => _state, s => _state = s, FiringMode.Immediate);
        _machine.Configure(ShipmentStage.Received)
            .PermitIf(Step.Next, ShipmentStage.Rejected, () => ShipmentFlow.IsInvalid(_data))
            .PermitIf(Step.Next, ShipmentStage.Priced, () => !ShipmentFlow.IsInvalid(_data));
        _machine.Configure(ShipmentStage.Priced)
            .OnEntry(() => _data = ShipmentFlow.Priced(_data))
            .PermitIf(Step.Next, ShipmentStage.Discounted, () => ShipmentFlow.IsBulk(_data))
            .PermitIf(Step.Next, ShipmentStage.Taxed, () => !ShipmentFlow.IsBulk(_data));
        _machine.Configure(ShipmentStage.Discounted)
            .OnEntry(() => _data = ShipmentFlow.Discounted(ShipmentFlow.MarkBulk(_data)))
            .Permit(Step.Next, ShipmentStage.Taxed);
        _machine.Configure(ShipmentStage.Taxed)
            .OnEntry(() => _data = ShipmentFlow.Taxed(_data))
            .Permit(Step.Next, ShipmentStage.Shipped);
        _machine.Configure(ShipmentStage.Shipped)
            .OnEntry(() => _data = ShipmentFlow.Shipped(_data));
        _machine.Configure(ShipmentStage.Rejected)
            .OnEntry(() => _data = ShipmentFlow.Rejected(_data));
    }

    public (ShipmentStage Stage, Shipment Data) Run(Shipment input)
    {
        // A new run: put the machine back in the start state and run the start state's body (Stateless runs no entry
        // action for the initial state).
        _state = ShipmentStage.Received;
        _data = ShipmentFlow.Received(input);
        while (_state is not (ShipmentStage.Shipped or ShipmentStage.Rejected)) _machine.Fire(Step.Next);
        return (_state, _data);
    }
}
