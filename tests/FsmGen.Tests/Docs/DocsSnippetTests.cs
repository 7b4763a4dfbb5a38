using System.Text.RegularExpressions;

namespace FsmGen.Tests.Docs;

/// <summary>
/// Keeps every README honest: a code block marked <c>&lt;!-- snippet: path#name --&gt;</c> must equal, after removing
/// the common indentation, the lines between <c>// &lt;name&gt;</c> and <c>// &lt;/name&gt;</c> (or <c>#region name</c>
/// and <c>#endregion</c>) of that file, which is compiled and run by the samples or the tests.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string, string, string, string> Snippets()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var readme in Readmes())
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot, readme)).ReplaceLineEndings("\n");
            foreach (Match match in SnippetPattern().Matches(text))
            {
                data.Add(readme, match.Groups["path"].Value, match.Groups["region"].Value, match.Groups["code"].Value);
            }
        }

        return data;
    }

    [Fact]
    public void Every_readme_with_csharp_examples_marks_them_as_snippets()
    {
        foreach (var readme in Readmes())
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot, readme)).ReplaceLineEndings("\n");
            var blocks = Regex.Matches(text, "^```csharp$", RegexOptions.Multiline).Count;
            var marked = SnippetPattern().Matches(text).Count;
            Assert.True(blocks == marked, $"{readme}: {blocks - marked} C# block(s) are not marked <!-- snippet: path#name -->");
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Each_snippet_matches_its_compiled_source(string readme, string path, string region, string code)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryRoot, path)).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == $"// <{region}>" || line.Trim() == $"#region {region}");
        var end = Array.FindIndex(lines, start + 1, line => line.Trim() == $"// </{region}>" || line.Trim() == "#endregion");
        Assert.True(start >= 0 && end > start, $"{readme}: {path} has no region '{region}'");

        Assert.Equal(Dedent(lines[(start + 1)..end]), code.TrimEnd('\n'));
    }

    private static IEnumerable<string> Readmes()
    {
        yield return "README.md";
        foreach (var directory in Directory.GetDirectories(Path.Combine(RepositoryRoot, "src")).Order(StringComparer.Ordinal))
        {
            var readme = Path.Combine(directory, "README.md");
            if (File.Exists(readme)) yield return Path.GetRelativePath(RepositoryRoot, readme);
        }
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
