namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// A read-only stream over the input file that counts the bytes read, so that progress can be reported from another
/// thread without touching the reader (readers are not thread-safe).
/// </summary>
internal sealed class InputStream : Stream
{
    private readonly FileStream _file;
    private long _bytesRead;

    private InputStream(FileStream file) => _file = file;

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    public static InputStream Open(string path) => Open(path, asynchronous: true);

    /// <summary>Opens <paramref name="path"/> for sequential reading, with a handle for asynchronous or for synchronous reads.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    public static InputStream Open(string path, bool asynchronous)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The input file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        // No FileStream buffer: every reader reads in large blocks of its own.
        var options = asynchronous ? FileOptions.Asynchronous | FileOptions.SequentialScan : FileOptions.SequentialScan;
        return new InputStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, options));
    }

    public long BytesRead => Volatile.Read(ref _bytesRead);

    public override long Length => _file.Length;

    public override bool CanRead => true;

    public override bool CanSeek => _file.CanSeek;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(_file.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(_file.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await _file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Counted(int read)
    {
        // Seekable readers (Parquet) jump around; the furthest position read is the honest progress figure.
        Volatile.Write(ref _bytesRead, Math.Max(_bytesRead, _file.Position));
        return read;
    }
}
