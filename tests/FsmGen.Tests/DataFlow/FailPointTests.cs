namespace FsmGen.Tests.DataFlow;

/// <summary>
/// A failure anywhere in Run's fast path reports what the general loop (the step-by-step Execution) reports: the record as
/// it was where it failed, the failed state, the step count and the recovery that follows.
/// </summary>
public sealed class FailPointTests
{
    [Theory]
    [InlineData(null, 1, 11234L)]
    [InlineData(null, 2, 2134L)]
    [InlineData("Pick", 1, 1L)]
    [InlineData("enter:Pick", 1, 1L)]
    [InlineData("IsLarge", 1, 11L)]
    [InlineData("Stamp", 1, 11L)]
    [InlineData("exit:Pick", 1, 112L)]
    [InlineData("exit:Pick", 2, 21L)]
    [InlineData("enter:Pack", 1, 112L)]
    [InlineData("Pack", 1, 1125L)]
    [InlineData("exit:Pack", 1, 1123L)]
    [InlineData("Ship", 1, 1123L)]
    [InlineData("enter:Ship", 2, 213L)]
    public void A_failure_reports_what_the_general_loop_reports(string? failAt, long digits, long expectedDigits)
    {
        var input = new Parcel(digits);
        var machine = new FailPointFlow { FailAt = failAt };
        var reference = new FailPointFlow { FailAt = failAt };

        var result = machine.Run(input);
        var expected = reference.Begin(input).Continue();

        Assert.Equal(expectedDigits, result.Data.Digits);
        Assert.Equal(expected.Data, result.Data);
        Assert.Equal(expected.FinalState, result.FinalState);
        Assert.Equal(expected.FailedState, result.FailedState);
        Assert.Equal(expected.Error?.Message, result.Error?.Message);
        Assert.Equal(expected.HandledError?.Message, result.HandledError?.Message);
        Assert.Equal(expected.Emitted, result.Emitted);
        Assert.Equal(expected.Steps, result.Steps);
        Assert.Equal(reference.Errors, machine.Errors);
        Assert.Equal(failAt is null, machine.Errors.Count == 0);
    }

    [Fact]
    public void A_routed_failure_continues_on_the_failure_route_with_the_record_before_the_failed_body()
    {
        var result = new FailPointFlow { FailAt = "Pack" }.Run(new Parcel(1));

        Assert.True(result.Succeeded);
        Assert.False(result.Emitted);
        Assert.Equal(FailPointFlow.StateId.Lost, result.FinalState);
        Assert.IsType<TimeoutException>(result.HandledError);
        Assert.Equal(1125L, result.Data.Digits); // Pick, Stamp, then Lost: Pack's body failed
        Assert.Equal(3, result.Steps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2)]
    public void A_run_stopped_by_MaxSteps_or_failing_in_a_cycle_reports_what_the_general_loop_reports(int input)
    {
        var result = new LoopFlow().Run(input);
        var expected = new LoopFlow().Begin(input).Continue();

        Assert.Equal(expected.Data, result.Data);
        Assert.Equal(expected.FinalState, result.FinalState);
        Assert.Equal(expected.FailedState, result.FailedState);
        Assert.Equal(expected.Error?.Message, result.Error?.Message);
        Assert.Equal(expected.Steps, result.Steps);
        Assert.Equal(expected.Emitted, result.Emitted);
    }
}
