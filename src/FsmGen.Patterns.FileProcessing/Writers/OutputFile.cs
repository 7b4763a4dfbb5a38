namespace FsmGen.Patterns.FileProcessing;

/// <summary>
/// The output file, written under a temporary name and moved into place only when the run completes, so that a failed
/// or cancelled run never leaves a half-written file that looks finished.
/// </summary>
internal sealed class OutputFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _partialPath;
    private bool _committed;

    private OutputFile(string path)
    {
        _path = Path.GetFullPath(path);
        _partialPath = _path + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

        // No FileStream buffer: every writer buffers in large blocks of its own.
        Stream = new FileStream(_partialPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
    }

    public Stream Stream { get; }

    public static OutputFile Create(string path) => new(path);

    /// <summary>Closes the file and gives it its final name, replacing any file of that name.</summary>
    public async ValueTask CommitAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_partialPath, _path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }

        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Delete(_partialPath);
    }
}
