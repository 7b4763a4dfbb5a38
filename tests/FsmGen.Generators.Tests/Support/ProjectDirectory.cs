namespace FsmGen.Generators.Tests.Support;

/// <summary>The test project's source folder, found by walking up from the build output to the folder with the .csproj.</summary>
internal static class ProjectDirectory
{
    private static readonly Lazy<string> LazyPath = new(Find);

    public static string Path => LazyPath.Value;

    public static string Snapshots => System.IO.Path.Combine(Path, "Snapshots");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.csproj").Any()) return directory.FullName;
        }

        throw new InvalidOperationException("No folder containing a .csproj above " + AppContext.BaseDirectory + "; snapshots live beside the test project.");
    }
}
