namespace FsmGen.Benchmarks;

/// <summary>Compares two files without loading them whole (the benchmark's outputs are over 100 MB).</summary>
internal static class FileComparison
{
    /// <summary>The offset of the first byte where the files differ (a shorter file differs where it ends), or -1 when they are identical.</summary>
    public static long FirstDifference(string left, string right)
    {
        const int Block = 1 << 20;
        using var a = File.OpenRead(left);
        using var b = File.OpenRead(right);
        var bufferA = new byte[Block];
        var bufferB = new byte[Block];
        long offset = 0;
        while (true)
        {
            var readA = a.ReadAtLeast(bufferA, Block, throwOnEndOfStream: false);
            var readB = b.ReadAtLeast(bufferB, Block, throwOnEndOfStream: false);
            var common = Math.Min(readA, readB);
            var mismatch = bufferA.AsSpan(0, common).CommonPrefixLength(bufferB.AsSpan(0, common));
            if (mismatch < common || readA != readB)
            {
                return offset + mismatch;
            }

            if (readA == 0)
            {
                return -1;
            }

            offset += readA;
        }
    }
}
