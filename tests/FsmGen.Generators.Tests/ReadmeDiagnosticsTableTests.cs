using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests;

/// <summary>The README's diagnostics table and AnalyzerReleases.Unshipped.md list every descriptor, with its severity.</summary>
public sealed class ReadmeDiagnosticsTableTests
{
    [Fact]
    public void Every_diagnostic_has_a_row_in_the_readme_and_in_the_release_file()
    {
        var root = Path.GetFullPath(Path.Combine(ProjectDirectory.Path, "..", ".."));
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var releases = File.ReadAllLines(Path.Combine(root, "generators", "FsmGen.Generators", "AnalyzerReleases.Unshipped.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var severity = descriptor.DefaultSeverity.ToString();
            Assert.Contains(readme, line => line.StartsWith($"| {descriptor.Id} | {severity} |", StringComparison.Ordinal));
            Assert.Contains(releases, line => line.StartsWith($"{descriptor.Id} | FsmGen | {severity} |", StringComparison.Ordinal));
        }
    }
}
