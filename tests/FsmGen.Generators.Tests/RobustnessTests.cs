using System.Diagnostics;
using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FsmGen.Generators.Tests;

/// <summary>Half-typed and broken code never makes the generator throw, whatever else it reports.</summary>
public sealed class RobustnessTests
{
    private const int Seed = 20_240_617;
    private const int MutationsPerSource = 100;

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    private static IReadOnlyList<(string Name, string Source)> ValidSources { get; } = new[]
    {
        ("DataFlow", MachineSources.DataFlow),
        ("EventDriven", MachineSources.EventDriven),
        ("Hierarchical", MachineSources.Hierarchical),
        ("AsyncDataFlow", MachineSources.AsyncDataFlow),
        ("AsyncEventDriven", MachineSources.AsyncEventDriven),
        ("Nested", MachineSources.Nested),
        ("Push", MachineSources.Push),
        ("Recovery", MachineSources.Recovery),
        ("Door", MachineSources.Door),
        ("LinearPattern", MachineSources.LinearPattern),
        ("SingleState", MachineSources.EdgeShapes["single data-flow state"]),
        ("NoTransitions", MachineSources.EdgeShapes["event-driven machine without transitions"]),
        ("SharedSubflow", MachineSources.EdgeShapes["two machines pushing the same async subflow"]),
    };

    [Fact]
    public void MutatedMachinesNeverMakeTheGeneratorThrow()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        int runs = 0, withFsmDiagnostics = 0, withSources = 0;
        var clock = Stopwatch.StartNew();

        foreach (var (name, source) in ValidSources)
        {
            var mutator = new SourceMutator(source);
            var original = TestCompilation.Parse(source);
            var compilation = TestCompilation.Create(new[] { original, TestCompilation.Parse(MachineSources.StepAttribute, "Step.cs") });
            // One driver per source, as in an editor: each keystroke re-runs it on the previous state.
            var driver = GeneratorHarness.CreateDriver(trackSteps: false, new LinearPatternTemplate());
            for (var i = 0; i < MutationsPerSource; i++)
            {
                var mutation = mutator.Next(random);
                kinds[mutation.Kind] = kinds.GetValueOrDefault(mutation.Kind) + 1;
                var mutated = compilation.ReplaceSyntaxTree(original, TestCompilation.Parse(mutation.Text));
                driver = driver.RunGeneratorsAndUpdateCompilation(mutated, out _, out var driverDiagnostics);
                var result = driver.GetRunResult().Results[0];
                runs++;

                var crashes = driverDiagnostics.Concat(result.Diagnostics).Where(d => d.Id is "CS8785" or "AD0001").Select(d => d.GetMessage()).ToList();
                if (result.Exception is not null || crashes.Count > 0)
                {
                    failures.Add(name + " #" + i + " [" + mutation.Kind + "] " + mutation.Description + Environment.NewLine
                        + "    " + (result.Exception?.ToString().Split('\n').Take(4).Aggregate((a, b) => a + Environment.NewLine + "    " + b) ?? string.Join("; ", crashes)));
                }

                if (result.Diagnostics.Any(d => d.Id.StartsWith("FSM", StringComparison.Ordinal))) withFsmDiagnostics++;
                if (result.GeneratedSources.Length > 0) withSources++;
            }
        }

        _output.WriteLine(runs + " mutations in " + clock.Elapsed.TotalSeconds.ToString("0.0") + " s; " + withFsmDiagnostics + " with FSM diagnostics, " + withSources + " with generated source.");
        _output.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => k.Key + ": " + k.Value)));
        Assert.True(failures.Count == 0, failures.Count + " of " + runs + " mutations crashed the generator:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(runs >= 500, "Only " + runs + " mutations ran.");
        Assert.Equal(SourceMutator.Kinds.Length, kinds.Count);
        // The mutations reach the generator's rules, not just the parser.
        Assert.True(withFsmDiagnostics > 0 && withSources > 0, "Mutations never reached the generator's rules or its emitter.");
    }
}
