namespace FsmGen.Patterns.FileProcessing.Tests;

/// <summary>The invariant every run must keep: each record read is written, filtered or an error, exactly once.</summary>
internal static class Accounting
{
    public static FileProcessingResult AssertAccounted(this FileProcessingResult result)
    {
        Assert.Equal(result.RecordsRead, result.Written + result.Filtered + result.Errors);
        Assert.Equal(result.Written + result.Filtered, result.Processed);
        Assert.Equal(Math.Min(result.Errors, 1000), result.ErrorDetails.Count);
        return result;
    }

    public static BatchFileProcessingResult AssertAccounted(this BatchFileProcessingResult result)
    {
        Assert.Equal(result.RecordsRead, result.Written + result.Filtered + result.Errors);
        foreach (var file in result.Files)
        {
            file.Result?.AssertAccounted();
        }

        return result;
    }

    public static async Task<FileProcessingResult> RunAsync(this FileProcessingConfigBuilder builder) =>
        (await new FileProcessor(builder.Build()).ProcessAsync()).AssertAccounted();
}
