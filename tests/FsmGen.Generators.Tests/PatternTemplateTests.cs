using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests;

/// <summary>The pattern extension point, through the test-only <see cref="LinearPatternTemplate"/>.</summary>
public sealed class PatternTemplateTests
{
    [Fact]
    public void TemplateMachineCompilesWithTheStepsAsStatesInOrder()
    {
        var run = RunLinear(MachineSources.LinearPattern);

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.Equal(new[] { "Demo.Pipeline.g.cs" }, run.HintNames);
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");

        var stateId = run.Output.GetTypeByMetadataName("Demo.Pipeline+StateId")!;
        var states = stateId.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).OrderBy(f => (int)f.ConstantValue!).Select(f => f.Name);
        Assert.Equal(new[] { "Parse", "Validate", "Enrich", "Done" }, states);

        var mermaid = (string)run.Output.GetTypeByMetadataName("Demo.Pipeline")!.GetMembers("Mermaid").OfType<IFieldSymbol>().Single().ConstantValue!;
        Assert.Contains("[*] --> Parse\n", mermaid);
        Assert.Contains("Parse --> Validate\n", mermaid);
        Assert.Contains("Validate --> Enrich\n", mermaid);
        Assert.Contains("Enrich --> Done\n", mermaid);
        Assert.Contains("Done --> [*]\n", mermaid);
    }

    [Fact]
    public void TemplateMachineRunsTheStepsInOrder()
    {
        var run = RunLinear(MachineSources.LinearPattern);
        using var assembly = CompiledAssembly.Load(run.Output);
        var machineType = assembly.Type("Demo.Pipeline");
        var job = Activator.CreateInstance(assembly.Type("Demo.Job"), "start:")!;

        var result = machineType.GetMethod("Run")!.Invoke(Activator.CreateInstance(machineType), new[] { job })!;

        var resultType = result.GetType();
        Assert.Equal("Done", resultType.GetProperty("FinalState")!.GetValue(result)!.ToString());
        Assert.Equal(true, resultType.GetProperty("Emitted")!.GetValue(result));
        var data = resultType.GetProperty("Data")!.GetValue(result)!;
        Assert.Equal("start:pve", data.GetType().GetProperty("Trace")!.GetValue(data));
    }

    [Fact]
    public void StepWithAWrongSignatureReportsFsm0023AndEmitsNothing()
    {
        var run = RunLinear(MachineSources.LinearPattern.Replace("private static Job Validate(Job job)", "private static bool Validate(Job job, int extra)", StringComparison.Ordinal));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FSM0023", diagnostic.Id);
        Assert.Contains("'Validate'", diagnostic.GetMessage());
        Assert.Contains("'Linear'", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AsyncStepsAreAcceptedBySlotRules()
    {
        var source = MachineSources.LinearPattern
            .Replace("using FsmGen;", "using System.Threading;\nusing System.Threading.Tasks;\nusing FsmGen;", StringComparison.Ordinal)
            .Replace("private static Job Validate(Job job) => job with { Trace = job.Trace + \"v\" };",
                "private static ValueTask<Job> Validate(Job job, CancellationToken cancellationToken) => new(job with { Trace = job.Trace + \"v\" });", StringComparison.Ordinal);

        var run = RunLinear(source);

        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
        Assert.Contains("await Validate(data, cancellationToken).ConfigureAwait(false)", run.GeneratedText());
    }

    [Fact]
    public void UnknownPatternNameReportsFsm0022NamingIt()
    {
        // The generator as shipped: no template registered at all.
        var run = GeneratorHarness.Run(TestCompilation.Create(MachineSources.LinearPattern, MachineSources.StepAttribute));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FSM0022", diagnostic.Id);
        Assert.Contains("'Linear'", diagnostic.GetMessage());
        Assert.Contains("'Pipeline'", diagnostic.GetMessage());
        Assert.Equal(MarkerLine(MachineSources.LinearPattern, "[Pattern(\"Linear\")]"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Sources);
    }

    private static GeneratorRun RunLinear(string source) =>
        GeneratorHarness.Run(
            TestCompilation.Create(new[] { TestCompilation.Parse(source), TestCompilation.Parse(MachineSources.StepAttribute, "Step.cs") }, warningsAsErrors: true),
            new LinearPatternTemplate());

    private static int MarkerLine(string source, string text) =>
        source.Replace("\r\n", "\n").Split('\n').ToList().FindIndex(line => line.Contains(text, StringComparison.Ordinal));
}
