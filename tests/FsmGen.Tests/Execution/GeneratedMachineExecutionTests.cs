using FsmGen.Tests.DataFlow;

namespace FsmGen.Tests.Execution;

/// <summary>Batch and stream execution over a machine the generator emitted (the other tests use a hand-written double).</summary>
public sealed class GeneratedMachineExecutionTests
{
    [Fact]
    public async Task Batch_over_a_generated_machine_keeps_order_and_reports_each_outcome()
    {
        var inputs = Enumerable.Range(0, 500).Select(i => new Ticket(i % 10, Amount: i % 7 == 0 ? 5000 : i)).ToArray();

        var batch = await FlowBatch.RunAsync(() => new PaymentFlow(), inputs, new BatchOptions(batchSize: 32, parallelWorkers: 4), CancellationToken.None);

        Assert.Equal(inputs.Length, batch.Results.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = inputs[i].Amount > 1000 ? PaymentFlow.StateId.Declined : PaymentFlow.StateId.Done;
            Assert.Equal(expected, batch.Results[i].FinalState);
            Assert.Equal(inputs[i].Amount, batch.Results[i].Data.Amount);
        }

        Assert.Equal(inputs.Count(t => t.Amount <= 1000), batch.Emitted);
        Assert.Equal(inputs.Length, batch.Succeeded + batch.Failed);
    }

    [Fact]
    public async Task Stream_over_a_generated_async_machine_delivers_in_order()
    {
        var seen = new List<decimal>();
        var summary = await FlowStream.RunAsync(
            Source(200),
            () => new AsyncFlow(),
            (result, _) =>
            {
                seen.Add(result.Data.Amount);
                return ValueTask.CompletedTask;
            },
            new StreamOptions(bufferSize: 8, parallelWorkers: 3),
            CancellationToken.None);

        Assert.Equal(200, summary.Read);
        Assert.Equal(200, summary.Succeeded);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 1.2m), seen);
    }

    private static async IAsyncEnumerable<Ticket> Source(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new Ticket(3, Amount: i);
        }
    }
}
