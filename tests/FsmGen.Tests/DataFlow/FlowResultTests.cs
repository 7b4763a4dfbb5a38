namespace FsmGen.Tests.DataFlow;

/// <summary>The compensation counts added for state-level recovery leave results of every other machine as they were.</summary>
public sealed class FlowResultTests
{
    [Fact]
    public void The_original_constructor_reports_no_compensation()
    {
        var result = new FlowResult<PaymentFlow.StateId, Ticket>(PaymentFlow.StateId.Done, new Ticket(1), true, null, null, null, 5);

        Assert.Equal(0, result.Compensated);
        Assert.Null(result.CompensationError);
        Assert.Equal("Done after 5 step(s)", result.ToString());
    }

    [Fact]
    public void A_compensated_failure_says_how_many_compensations_ran()
    {
        var failure = new InvalidOperationException("card declined");
        var undo = new TimeoutException("refund timed out");

        var result = new FlowResult<PaymentFlow.StateId, Ticket>(
            PaymentFlow.StateId.Done, new Ticket(1), false, failure, PaymentFlow.StateId.Charge, null, 3, compensated: 2, compensationError: undo);

        Assert.Equal(2, result.Compensated);
        Assert.Same(undo, result.CompensationError);
        Assert.Equal("Done after 3 step(s), failed in Charge: card declined (2 compensation(s))", result.ToString());
    }

    [Fact]
    public void Generated_machines_without_compensation_report_none()
    {
        var result = new PaymentFlow().Run(new Ticket(1, Amount: -1));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Compensated);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 0)]
    [InlineData(true, 7)]
    [InlineData(false, int.MaxValue)]
    [InlineData(true, int.MaxValue)]
    public void Emitted_and_Steps_share_a_field_and_both_read_back(bool emitted, int steps)
    {
        var result = new FlowResult<PaymentFlow.StateId, Ticket>(PaymentFlow.StateId.Done, new Ticket(1), emitted, null, null, null, steps);

        Assert.Equal(emitted, result.Emitted);
        Assert.Equal(steps, result.Steps);
        Assert.False(default(FlowResult<PaymentFlow.StateId, Ticket>).Emitted);
    }

    [Fact]
    public void A_result_is_the_record_a_reference_and_two_ints()
    {
        // The record, the failure reference, the state and the count (which carries Emitted): what Run copies out and
        // RunAsync's ValueTask carries. A field added here costs every run.
        var expected = sizeof(long) + IntPtr.Size + sizeof(int) * 2;
        Assert.Equal(expected, System.Runtime.CompilerServices.Unsafe.SizeOf<FlowResult<PaymentFlow.StateId, long>>());
    }
}
