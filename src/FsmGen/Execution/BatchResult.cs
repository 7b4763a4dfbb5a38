namespace FsmGen;

/// <summary>The outcome of every record of a batch run, in input order, with totals.</summary>
/// <typeparam name="TState">The machine's generated state enum.</typeparam>
/// <typeparam name="TData">The record type that flows through the machine.</typeparam>
public sealed class BatchResult<TState, TData>
    where TState : struct, Enum
{
    internal BatchResult(FlowResult<TState, TData>[] results)
    {
        Results = Array.AsReadOnly(results);
        foreach (var result in results)
        {
            if (!result.Succeeded)
            {
                Failed++;
                continue;
            }

            Succeeded++;
            if (result.Emitted)
            {
                Emitted++;
            }
        }
    }

    /// <summary>One outcome per record: <c>Results[i]</c> belongs to input <c>i</c>.</summary>
    public IReadOnlyList<FlowResult<TState, TData>> Results { get; }

    /// <summary>How many records ran; always <see cref="Succeeded"/> + <see cref="Failed"/>.</summary>
    public int Total => Results.Count;

    /// <summary>Records whose run did not fail.</summary>
    public int Succeeded { get; }

    /// <summary>Records whose run failed; their <see cref="FlowResult{TState, TData}.Error"/> says why.</summary>
    public int Failed { get; }

    /// <summary>Succeeded records that reached an end state emitting output (a subset of <see cref="Succeeded"/>).</summary>
    public int Emitted { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Total} record(s): {Succeeded} succeeded ({Emitted} emitted), {Failed} failed";
}
