using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Tests.Support;

/// <summary>What one generator run produced: the driver (to run again), its result, and both sets of diagnostics.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    Compilation Output,
    GeneratorRunResult Result,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    /// <summary>The diagnostics the generator reported (FSM....).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>The generated files, ordered by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> HintNames => Sources.Select(s => s.HintName).ToList();

    /// <summary>Every diagnostic of the compilation that includes the generated files.</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => Output.GetDiagnostics();

    /// <summary>All generated files as one text, each preceded by its hint name (the snapshot format).</summary>
    public string GeneratedText() => string.Concat(Sources.Select(s => "//HintName: " + s.HintName + "\n" + s.SourceText.ToString()));

    public static string Describe(Diagnostic diagnostic)
    {
        // Generator diagnostics travel as plain values and come back as external-file locations: no SourceTree.
        var span = diagnostic.Location.GetLineSpan();
        var where = span.IsValid ? span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")" : "(no location)";
        var text = diagnostic.Location.SourceTree?.GetText().GetSubText(diagnostic.Location.SourceSpan).ToString() ?? "";
        return where + ": " + diagnostic.Severity + " " + diagnostic.Id + ": " + diagnostic.GetMessage() + (text.Length > 0 ? "   [at: " + text.Split('\n')[0].Trim() + "]" : "");
    }
}
