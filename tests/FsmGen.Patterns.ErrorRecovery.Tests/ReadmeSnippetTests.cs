using System.Text.RegularExpressions;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

/// <summary>
/// Keeps the README honest: every block marked <c>&lt;!-- snippet: path#region --&gt;</c> must equal the lines
/// between <c>// &lt;region&gt;</c> and <c>// &lt;/region&gt;</c> in that (compiled and run) file.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string, string, string> Snippets()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "FsmGen.Patterns.ErrorRecovery", "README.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<string, string, string>();
        foreach (Match match in SnippetPattern().Matches(readme))
        {
            data.Add(match.Groups["path"].Value, match.Groups["region"].Value, match.Groups["code"].Value);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_snippets()
    {
        Assert.True(Snippets().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Each_readme_snippet_matches_its_source(string path, string region, string code)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot, path)).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == $"// <{region}>");
        var end = Array.FindIndex(lines, line => line.Trim() == $"// </{region}>");
        Assert.True(start >= 0 && end > start, $"{path} has no region '{region}'");

        Assert.Equal(Dedent(lines[(start + 1)..end]), code.TrimEnd('\n'));
    }

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FsmGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FsmGen.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"<!-- snippet: (?<path>[^#]+)#(?<region>[^ ]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnippetPattern();
}
