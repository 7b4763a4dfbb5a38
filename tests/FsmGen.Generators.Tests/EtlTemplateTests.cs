using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests;

/// <summary>The Etl template, which ships in <c>PatternRegistry.Default</c>: its snapshot, clean compilation, the pipeline cache, and its diagnostics.</summary>
public sealed class EtlTemplateTests
{
    [Fact]
    public void EtlPatternSnapshotCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(TestCompilation.Create(new[] { TestCompilation.Parse(MachineSources.EtlPattern) }, warningsAsErrors: true));

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.Equal(new[] { "Demo.Etl.CustomerLoad.Etl.g.cs", "Demo.Etl.CustomerLoad.g.cs" }, run.HintNames);
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");
        Snapshot.Match("EtlPattern", run.GeneratedText());

        var states = run.Output.GetTypeByMetadataName("Demo.Etl.CustomerLoad+StateId")!.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name);
        Assert.Equal(new[] { "Extract", "Validate", "Transform", "Enrich", "Load", "Complete", "Rejected", "Error" }, states);
        var type = run.Output.GetTypeByMetadataName("Demo.Etl.CustomerLoad")!;
        Assert.Single(type.GetMembers("CreateEtl"));
        Assert.Single(type.GetMembers("RunEtlAsync"));
    }

    [Fact]
    public void EveryMemberKindBindingAndSlotShapeCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(TestCompilation.Create(new[] { TestCompilation.Parse(MachineSources.EtlAllKinds) }, warningsAsErrors: true));

        Assert.Null(run.Result.Exception);
        Expect.None(run.GeneratorDiagnostics, "Generator diagnostics");
        Assert.Equal(6, run.HintNames.Count);
        Expect.Clean(run.OutputDiagnostics, "The output compilation is not clean");

        var text = run.GeneratedText();
        Assert.Contains("new global::FsmGen.Patterns.Etl.Generated.EtlMember(\"Renamed\", \"renamed_column\", \"string\", global::FsmGen.Patterns.Etl.Generated.EtlValueKind.String, false, true)", text);
        Assert.DoesNotContain("\"Ignored\"", text);
        Assert.Contains("writer.Write(record.L, global::NpgsqlTypes.NpgsqlDbType.Bigint);", text);
        Assert.Contains("if (record.NM is { } value7) writer.Write(value7, global::NpgsqlTypes.NpgsqlDbType.Numeric);", text);
        Assert.Contains("columns.WriteDateTimeOffset(writer, 18, record.At);", text);
        Assert.Contains("value3 = !row.Has(3) ? -1.25m : row.GetDecimal(3);", text);
    }

    [Fact]
    public void RerunOnAClonedCompilationIsCachedAndTheModelHoldsNoRoslynObjects()
    {
        var compilation = TestCompilation.Create(new[] { TestCompilation.Parse(MachineSources.EtlPattern) });
        var first = GeneratorHarness.Run(compilation);
        var second = first.Driver.RunGenerators(compilation.Clone()).GetRunResult().Results[0];

        Assert.All(second.TrackedSteps[TrackingNames.Patterns].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var visited = new HashSet<Type>();
        foreach (var (value, _) in first.Result.TrackedSteps[TrackingNames.Patterns].SelectMany(s => s.Outputs))
        {
            var (forbidden, types) = PipelineModelWalker.Walk(value);
            Assert.Empty(forbidden);
            visited.UnionWith(types);
        }

        Assert.Contains(visited, t => t.Name == "EtlPart");
        Assert.Contains(visited, t => t.Name == "EtlMember");
        Assert.Contains(visited, t => t.Name == "MachineModel");
    }

    public static TheoryData<string> DiagnosticCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in DiagnosticCases.Keys.OrderBy(k => k, StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    /// <summary>Each slot or record-type problem of an Etl class: the ID, the marked line, a message naming the culprit, and nothing emitted.</summary>
    [Theory]
    [MemberData(nameof(DiagnosticCaseNames))]
    public void ReportsEtlDiagnosticOnTheMarkedLine(string caseName)
    {
        var (id, culprits, body) = DiagnosticCases[caseName];
        var source = EtlPreamble + body;
        var compilation = TestCompilation.Create(source);
        Expect.None(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), "The case does not compile");

        var run = GeneratorHarness.Run(compilation);

        Assert.Null(run.Result.Exception);
        var found = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, found.Id);
        Assert.Equal(DiagnosticDescriptors.ById(id).DefaultSeverity, found.Severity);
        Assert.Equal(Marker.Lines(source), new[] { found.Location.GetLineSpan().StartLinePosition.Line });
        foreach (var culprit in culprits)
        {
            Assert.Contains(culprit, found.GetMessage(), StringComparison.Ordinal);
        }

        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void AnUnknownPatternNamesEtlAsKnown()
    {
        var run = GeneratorHarness.Run("""
            using FsmGen;

            namespace Demo;

            [Pattern("ETL")]
            public partial class Typo
            {
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("FSM0022", diagnostic.Id);
        Assert.Contains("Etl", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HalfTypedSlotsNeverMakeTheGeneratorThrow()
    {
        var sources = new[]
        {
            MachineSources.EtlPattern.Replace("private static bool HasEmail(Customer c)", "private static bool HasEmail(Custmer c)", StringComparison.Ordinal),
            MachineSources.EtlPattern.Replace("private static bool HasEmail(Customer c)", "private static bool HasEmail()", StringComparison.Ordinal),
            MachineSources.EtlPattern.Replace("[Transform]", "[Transform(", StringComparison.Ordinal),
            MachineSources.EtlPattern.Replace("public sealed record Customer(long Id,", "public sealed record Customer(Unknown Id,", StringComparison.Ordinal),
            MachineSources.EtlPattern.Replace("public partial class CustomerLoad", "public class CustomerLoad", StringComparison.Ordinal),
        };

        foreach (var source in sources)
        {
            var run = GeneratorHarness.Run(source);
            Assert.Null(run.Result.Exception);
            Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        }
    }

    private const string EtlPreamble = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations.Schema;
        using FsmGen;
        using FsmGen.Patterns.Etl;

        namespace Demo;

        public sealed record Order(long Id, int Lines);


        """;

    private static readonly Dictionary<string, (string Id, string[] Culprits, string Body)> DiagnosticCases = new()
    {
        ["FSM0023 Etl validation with a wrong signature"] = ("FSM0023", ["'Check'", "'Validate'", "'Etl'", "bool"], """
            [Pattern("Etl")]
            public partial class WrongValidate
            {
                [Validate]
                private static int Check(Order order) => order.Lines; /*here*/
            }
            """),
        ["FSM0023 Etl enrichment that returns another type"] = ("FSM0023", ["'Lines'", "'Enrich'", "'Etl'", "(Order"], """
            [Pattern("Etl")]
            public partial class WrongEnrich
            {
                [Transform]
                private static Order Same(Order order) => order;

                [Enrich]
                private static int Lines(Order order) => order.Lines; /*here*/
            }
            """),
        ["FSM0038 Etl without slot methods"] = ("FSM0038", ["'Etl'", "'NoSlots'", "[Validate]", "record type"], """
            [Pattern("Etl")]
            public partial class NoSlots /*here*/
            {
                private static bool Check(Order order) => order.Lines > 0;
            }
            """),
        ["FSM0038 Etl record member of an unsupported type"] = ("FSM0038", ["'Etl'", "'Tagging'", "'Tagged'", "'Tags'", "List<string>"], """
            public sealed record Tagged(long Id, List<string> Tags);

            [Pattern("Etl")]
            public partial class Tagging
            {
                [Validate]
                private static bool Check(Tagged tagged) => tagged.Id > 0; /*here*/
            }
            """),
        ["FSM0038 Etl record members for the same column"] = ("FSM0038", ["'Twice'", "'Id'", "'Key'", "same column 'id'"], """
            public sealed class Twice
            {
                [Column("id")]
                public long Id { get; init; }

                [Column("id")]
                public long Key { get; init; }
            }

            [Pattern("Etl")]
            public partial class TwiceLoad
            {
                [Transform]
                private static Twice Same(Twice twice) => twice; /*here*/
            }
            """),
    };
}
