namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fsmgen-er-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
