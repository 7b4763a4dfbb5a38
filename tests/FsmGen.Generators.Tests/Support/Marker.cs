namespace FsmGen.Generators.Tests.Support;

/// <summary>Finds the lines of a source marked with <c>/*here*/</c>: where a test expects a diagnostic.</summary>
internal static class Marker
{
    public const string Here = "/*here*/";

    /// <summary>Zero-based line numbers of every line that carries the marker.</summary>
    public static IReadOnlyList<int> Lines(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        return Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(Here, StringComparison.Ordinal)).ToList();
    }
}
