using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using FsmGen.Generators.Patterns;

namespace FsmGen.Generators.Tests.Support;

/// <summary>Runs the generator over a compilation with step tracking on, as the incremental driver would in an IDE.</summary>
internal static class GeneratorHarness
{
    public static GeneratorDriver CreateDriver(params IPatternTemplate[] templates) => CreateDriver(trackSteps: true, templates);

    public static GeneratorDriver CreateDriver(bool trackSteps, params IPatternTemplate[] templates)
    {
        var generator = templates.Length == 0 ? new StateMachineGenerator() : new StateMachineGenerator(new PatternRegistry(templates));
        return CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static GeneratorRun Run(CSharpCompilation compilation, params IPatternTemplate[] templates) =>
        Run(CreateDriver(templates), compilation);

    public static GeneratorRun Run(params string[] sources) => Run(TestCompilation.Create(sources));

    /// <summary>Runs (or re-runs) an existing driver, keeping its cached state.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, driver.GetRunResult().Results[0], diagnostics);
    }
}
