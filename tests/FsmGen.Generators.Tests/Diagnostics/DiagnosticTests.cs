using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Patterns;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FsmGen.Generators.Tests.Diagnostics;

/// <summary>One case (or more) per FSM diagnostic: the ID, the line it points at, and a message that names the culprit.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in DiagnosticCases.All.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReportsDiagnosticOnTheMarkedLine(string caseName)
    {
        var @case = DiagnosticCases.All[caseName];
        var compilation = TestCompilation.Create(@case.Source, LinearPatternTemplate.StepAttributeSource);
        // The case must be valid C#: the generator's diagnostic is the only thing wrong with it.
        Expect.None(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), "The case does not compile");

        var run = GeneratorHarness.Run(compilation, new LinearPatternTemplate(), new FileProcessingTemplate());

        Assert.Null(run.Result.Exception);
        var everything = string.Join(Environment.NewLine, run.GeneratorDiagnostics.Select(GeneratorRun.Describe));
        var found = run.GeneratorDiagnostics.Where(d => d.Id == @case.Id).ToList();
        Assert.True(found.Count > 0, "Expected " + @case.Id + "; the generator reported:" + Environment.NewLine + everything);

        var descriptor = DiagnosticDescriptors.ById(@case.Id);
        var expectedLines = Marker.Lines(@case.Source);
        Assert.Equal(expectedLines.Select(Line1), found.Select(d => Line1(d.Location.GetLineSpan().StartLinePosition.Line)).OrderBy(l => l));
        foreach (var diagnostic in found)
        {
            var lineSpan = diagnostic.Location.GetLineSpan();
            Assert.Equal("Machine.cs", lineSpan.Path);
            // The span and the line/column pair must describe the same place (both travel through the pipeline as numbers).
            var text = SourceText.From(@case.Source);
            Assert.Equal(lineSpan.StartLinePosition, text.Lines.GetLinePosition(diagnostic.Location.SourceSpan.Start));
            Assert.Equal(lineSpan.EndLinePosition, text.Lines.GetLinePosition(diagnostic.Location.SourceSpan.End));
            Assert.Equal(descriptor.DefaultSeverity, diagnostic.Severity);
            var message = diagnostic.GetMessage();
            foreach (var culprit in @case.Culprits)
            {
                Assert.True(message.Contains(culprit, StringComparison.Ordinal), "The message of " + @case.Id + " should contain " + culprit + ": " + message);
            }
        }

        var hint = "Demo." + @case.Machine + ".g.cs";
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error && !@case.MachineStillEmitted)
        {
            Assert.DoesNotContain(hint, run.HintNames);
        }
        else
        {
            // A warning does not stop generation: the machine is emitted and compiles (apart from the error itself).
            Assert.Contains(hint, run.HintNames);
            Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
        }
    }

    [Fact]
    public void EveryDiagnosticHasACase()
    {
        var covered = DiagnosticCases.All.Values.Select(c => c.Id).ToHashSet();
        var missing = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => !covered.Contains(id)).OrderBy(id => id);
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryCaseMarksAtLeastOneLine()
    {
        Assert.Empty(DiagnosticCases.All.Values.Where(c => Marker.Lines(c.Source).Count == 0).Select(c => c.Name));
    }

    /// <summary>One-based, as an editor shows it, so a failure reads like the source.</summary>
    private static int Line1(int zeroBased) => zeroBased + 1;
}
