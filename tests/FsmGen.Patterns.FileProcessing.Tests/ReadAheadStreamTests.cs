namespace FsmGen.Patterns.FileProcessing.Tests;

public sealed class ReadAheadStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024 * 1024)]
    [InlineData((3 * 1024 * 1024) + 12_345)]
    public void Reads_the_inner_stream_exactly_whatever_the_read_sizes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var stream = new ReadAheadStream(new MemoryStream(bytes));

        var copy = new MemoryStream();
        var buffer = new byte[70_001];
        var sizes = new[] { 1, 4096, 70_001, 65_536 };
        for (var i = 0; ; i++)
        {
            var read = stream.Read(buffer, 0, sizes[i % sizes.Length]);
            if (read == 0)
            {
                break;
            }

            copy.Write(buffer, 0, read);
        }

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(0, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal(length, stream.BytesDelivered);
    }

    [Fact]
    public void A_failing_inner_stream_fails_the_read_that_needs_its_block()
    {
        using var stream = new ReadAheadStream(new FailingStream());

        var failure = Assert.Throws<IOException>(() => stream.Read(new byte[16], 0, 16));
        Assert.Equal("disk gone", failure.Message);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(Span<byte> buffer) => throw new IOException("disk gone");

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk gone");
    }
}
