using FsmGen.Generators.Tests.Support;
using Xunit.Sdk;

namespace FsmGen.Generators.Tests;

/// <summary>The snapshot helper itself: it must fail loudly and leave a received file to review.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fsmgen-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void MissingVerifiedFileWritesReceivedAndFails()
    {
        var error = Assert.ThrowsAny<XunitException>(() => Snapshot.Match(_directory, "First", "generated\n"));

        var received = Path.Combine(_directory, "First.received.cs");
        Assert.Equal("generated\n", File.ReadAllText(received));
        Assert.Contains(received, error.Message);
        Assert.Contains(Path.Combine(_directory, "First.verified.cs"), error.Message);
    }

    [Fact]
    public void MismatchWritesReceivedAndNamesBothFiles()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Changed.verified.cs"), "line one\nline two\n");

        var error = Assert.ThrowsAny<XunitException>(() => Snapshot.Match(_directory, "Changed", "line one\nline 2\n"));

        Assert.Equal("line one\nline 2\n", File.ReadAllText(Path.Combine(_directory, "Changed.received.cs")));
        Assert.Contains("Changed.verified.cs", error.Message);
        Assert.Contains("Changed.received.cs", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void MatchPassesIgnoringLineEndingsAndRemovesAStaleReceivedFile()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Same.verified.cs"), "a\r\nb\r\n");
        File.WriteAllText(Path.Combine(_directory, "Same.received.cs"), "old");

        Snapshot.Match(_directory, "Same", "a\nb\n");

        Assert.False(File.Exists(Path.Combine(_directory, "Same.received.cs")));
    }

    [Fact]
    public void SnapshotsFolderIsFoundInTheSourceTree()
    {
        Assert.True(File.Exists(Path.Combine(ProjectDirectory.Path, "FsmGen.Generators.Tests.csproj")), ProjectDirectory.Path);
        Assert.NotEmpty(Directory.GetFiles(ProjectDirectory.Snapshots, "*.verified.cs"));
    }
}
