namespace FsmGen.Patterns.Etl.Tests;

/// <summary>The invariant every run keeps: each extracted record is counted exactly once.</summary>
public static class Accounting
{
    public static EtlResult AddsUp(this EtlResult result)
    {
        Assert.Equal(result.Extracted, result.Loaded + result.Rejected + result.Errors + result.Skipped);
        Assert.True(result.ErrorDetails.Count <= result.Errors);
        Assert.True(result.RejectionDetails.Count <= result.Rejected);
        return result;
    }
}
