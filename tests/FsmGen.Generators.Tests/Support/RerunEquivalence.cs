using System.Globalization;
using System.Text;
using FsmGen.Generators.Patterns;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests.Support;

/// <summary>
/// The property a cache in the generator must keep: a driver that already ran on one compilation and now runs on an
/// edited one (warm) gives exactly what a brand-new driver gives on the edited compilation (cold). Edits go through
/// <see cref="Compilation.ReplaceSyntaxTree"/> and friends, so every file the edit leaves alone is the same
/// <see cref="SyntaxTree"/> object in both compilations, as in an IDE: that is what lets a driver reuse its work.
/// </summary>
internal static class RerunEquivalence
{
    /// <summary>What a generator run is observed as, one line per fact: exception, diagnostics (sorted), then every file.</summary>
    public static string Describe(GeneratorRunResult result)
    {
        var text = new StringBuilder();
        if (result.Exception is not null) text.Append("exception: ").Append(result.Exception.GetType().FullName).Append(": ").Append(result.Exception.Message).Append('\n');
        foreach (var diagnostic in result.Diagnostics.Select(DescribeDiagnostic).OrderBy(d => d, StringComparer.Ordinal)) text.Append("diagnostic: ").Append(diagnostic).Append('\n');
        foreach (var source in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            text.Append("file: ").Append(source.HintName).Append('\n').Append(source.SourceText).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Id, effective severity, file and line span, character span and message.</summary>
    public static string DescribeDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return diagnostic.Id + " " + diagnostic.Severity + (diagnostic.IsWarningAsError ? " (warning as error)" : "") + (diagnostic.IsSuppressed ? " (suppressed)" : "")
            + " " + span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")-("
            + (span.EndLinePosition.Line + 1) + "," + (span.EndLinePosition.Character + 1) + ") " + diagnostic.Location.SourceSpan
            + " " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>A new driver, with every template the generator ships plus the test-only Linear one.</summary>
    public static GeneratorDriver NewDriver() =>
        GeneratorHarness.CreateDriver(new FileProcessingTemplate(), new EtlTemplate(), new LinearPatternTemplate());

    public static GeneratorDriver Run(GeneratorDriver driver, Compilation compilation) => driver.RunGenerators(compilation);

    public static string Observe(GeneratorDriver driver) => Describe(driver.GetRunResult().Results[0]);

    /// <summary>
    /// Runs <paramref name="before"/> then <paramref name="after"/> on one driver, and <paramref name="after"/> on a new one,
    /// and fails unless both runs of <paramref name="after"/> are observed the same. Returns the cold observations.
    /// </summary>
    public static (string Before, string After) AssertWarmRerunEqualsColdRun(Compilation before, Compilation after)
    {
        var coldBefore = Run(NewDriver(), before);
        var warmAfter = Observe(Run(coldBefore, after));
        var coldAfter = Observe(Run(NewDriver(), after));
        AssertSame(coldAfter, warmAfter, "a rerun on the edited compilation");
        return (Observe(coldBefore), coldAfter);
    }

    /// <summary>
    /// <see cref="AssertWarmRerunEqualsColdRun"/> for the edit and for its undo (a driver warm on <paramref name="after"/>
    /// rerun on <paramref name="before"/>): a cache must be right whichever way a file changes.
    /// </summary>
    public static (string Before, string After) AssertEditAndUndoRerunLikeColdRuns(Compilation before, Compilation after)
    {
        var (coldBefore, coldAfter) = AssertWarmRerunEqualsColdRun(before, after);
        var (_, undone) = AssertWarmRerunEqualsColdRun(after, before);
        AssertSame(coldBefore, undone, "a cold run of the same compilation");
        return (coldBefore, coldAfter);
    }

    /// <summary>
    /// A warm driver through every compilation in turn, each run compared with a cold run of the same compilation.
    /// Returns the cold observations, in order.
    /// </summary>
    public static IReadOnlyList<string> AssertWarmSequenceEqualsColdRuns(params Compilation[] steps)
    {
        var observed = new List<string>();
        var warm = NewDriver();
        for (var i = 0; i < steps.Length; i++)
        {
            warm = Run(warm, steps[i]);
            var cold = Observe(Run(NewDriver(), steps[i]));
            AssertSame(cold, Observe(warm), "step " + i + " of the sequence");
            observed.Add(cold);
        }

        return observed;
    }

    /// <summary>Fails with the first differing line when a warm run is not observed as the cold one.</summary>
    public static void AssertSame(string cold, string warm, string what)
    {
        if (cold == warm) return;
        var coldLines = cold.Split('\n');
        var warmLines = warm.Split('\n');
        var line = 0;
        while (line < Math.Min(coldLines.Length, warmLines.Length) && coldLines[line] == warmLines[line]) line++;
        Assert.Fail("The warm driver differs from a cold run on " + what + ", first at line " + (line + 1) + ":" + Environment.NewLine
            + "  cold: " + (line < coldLines.Length ? coldLines[line] : "<end>") + Environment.NewLine
            + "  warm: " + (line < warmLines.Length ? warmLines[line] : "<end>") + Environment.NewLine
            + "--- cold:" + Environment.NewLine + cold + Environment.NewLine + "--- warm:" + Environment.NewLine + warm);
    }
}
