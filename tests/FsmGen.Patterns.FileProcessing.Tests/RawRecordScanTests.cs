using System.Text;

namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class RawRecordScanTests
{
    [Theory]
    [InlineData("a,b,c", 0)]
    [InlineData("a,b,c\n", 1)]
    [InlineData("a,\"b\nb\",c\r\n", 2)]
    [InlineData("é,b\n", 1)]
    [InlineData("a,\"ü\nü\",\"x\ny\"\n", 3)]
    public void CountsTheLineBreaksOfValidRecords(string record, int expected)
    {
        Assert.True(RawRecordScan.TryCountLines(Encoding.UTF8.GetBytes(record), checkUtf8: true, out var lineBreaks));
        Assert.Equal(expected, lineBreaks);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xFF, (byte)'\n' })]
    [InlineData(new byte[] { (byte)'a', (byte)'\n', (byte)'b', 0xC3 })]
    [InlineData(new byte[] { 0xC3, 0xA9, (byte)'\n', 0xE2, 0x82 })]
    public void RejectsInvalidUtf8AnywhereInTheRecord(byte[] record)
    {
        Assert.False(RawRecordScan.TryCountLines(record, checkUtf8: true, out _));
        Assert.True(RawRecordScan.TryCountLines(record, checkUtf8: false, out var lineBreaks));
        Assert.Equal(record.Count(b => b == (byte)'\n'), lineBreaks);
    }
}
