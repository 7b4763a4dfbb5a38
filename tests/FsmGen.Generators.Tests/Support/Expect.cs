using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests.Support;

/// <summary>Assertions that print every offending diagnostic in full (xunit truncates collections).</summary>
internal static class Expect
{
    public static void None(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var list = diagnostics.ToList();
        Assert.True(list.Count == 0, what + ":" + Environment.NewLine + string.Join(Environment.NewLine, list.Select(GeneratorRun.Describe)));
    }

    /// <summary>No warning or error: warnings-as-errors semantics.</summary>
    public static void Clean(IEnumerable<Diagnostic> diagnostics, string what) =>
        None(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError), what);
}
