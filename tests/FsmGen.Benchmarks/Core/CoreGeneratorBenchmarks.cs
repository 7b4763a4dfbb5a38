using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using FsmGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Case 6: the generator itself, over a compilation of <see cref="MachineCount"/> machines of <see cref="StatesPerMachine"/>
/// states each (half event-driven with guards, exit actions, a composite state and History; half data-flow with guards,
/// priorities and transforms), one file per machine, plus <see cref="UnrelatedFiles"/> unrelated files. The sources are
/// generated and parsed in GlobalSetup; every iteration gets a fresh compilation (<see cref="Compilation.Clone"/>: new
/// symbols, no semantic caches), as an IDE gets a new compilation after each edit.
/// <list type="bullet">
/// <item><c>ColdRun</c> (baseline): a new <see cref="CSharpGeneratorDriver"/> with <see cref="StateMachineGenerator"/> run
/// over the compilation (everything parsed and emitted).</item>
/// <item><c>RerunAfterAddingUnrelatedFile</c>: a driver that already ran over the compilation re-runs after a new unrelated
/// syntax tree was added.</item>
/// <item><c>RerunAfterEditingUnrelatedFile</c>: the same after one unrelated file was replaced by an edited version.</item>
/// </list>
/// The Ratio column of the reruns is rerun / cold. Target: under 0.10.
/// <para>Twenty warm-up iterations, so that cold runs and reruns are both measured with the JIT warm (tiered code
/// promoted), as in an IDE that has been generating for a while; with three, the early iterations of each case ran
/// partly unoptimized code and the ratios moved with the tiering.</para>
/// <para>References, for the analysis (see <see cref="ReferenceGenerator"/>): the same rerun after adding an unrelated file
/// with a generator that only matches [StateMachine] through ForAttributeWithMetadataName (<c>FloorRerunMatchOnly</c>:
/// what any generator built on that API pays, since Roslyn re-binds every match on every rerun; FsmGen no longer uses it,
/// see <c>generators/FsmGen.Generators/Incremental</c>), and one that also binds every method's attributes through
/// symbols (<c>FloorRerunBindMethodAttributes</c>).</para>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 20, iterationCount: 30, invocationCount: 1)]
public class CoreGeneratorBenchmarks
{
    public const int MachineCount = 100;
    public const int StatesPerMachine = 20;
    public const int UnrelatedFiles = 20;

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private CSharpCompilation _base = null!;
    private SyntaxTree _editedTarget = null!;
    private SyntaxTree _editedReplacement = null!;
    private SyntaxTree _addedTree = null!;

    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = new List<SyntaxTree> { Parse(CommonSource(), "Common.cs") };
        for (var i = 0; i < MachineCount; i++)
        {
            trees.Add(Parse(i % 2 == 0 ? EventMachineSource(i) : DataFlowMachineSource(i), "Machine" + i.ToString("000") + ".cs"));
        }

        for (var i = 0; i < UnrelatedFiles; i++) trees.Add(Parse(UnrelatedSource(i, edited: false), "Unrelated" + i.ToString("00") + ".cs"));
        _editedTarget = trees[^1];
        _editedReplacement = Parse(UnrelatedSource(UnrelatedFiles - 1, edited: true), _editedTarget.FilePath);
        _addedTree = Parse(UnrelatedSource(UnrelatedFiles, edited: false), "Unrelated" + UnrelatedFiles.ToString("00") + ".cs");

        _base = CSharpCompilation.Create(
            "GeneratorBenchmark",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The workload must be what it says: every machine generated, no diagnostics, and the output compiles.
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(_base.Clone(), out var output, out var driverDiagnostics);
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is not null) throw result.Exception;
        if (result.GeneratedSources.Length != MachineCount) throw new InvalidOperationException("Generated " + result.GeneratedSources.Length + " files, expected " + MachineCount + ".");
        var errors = driverDiagnostics.Concat(result.Diagnostics).Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("The benchmark compilation has diagnostics:\n" + string.Join("\n", errors.Take(20)));
    }

    [IterationSetup(Target = nameof(ColdRun))]
    public void SetupCold()
    {
        _compilation = _base.Clone();
        CollectSetupGarbage();
    }

    [IterationSetup(Target = nameof(RerunAfterAddingUnrelatedFile))]
    public void SetupAdd()
    {
        _compilation = _base.Clone();
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _edited = _compilation.AddSyntaxTrees(_addedTree);
        CollectSetupGarbage();
    }

    [IterationSetup(Target = nameof(RerunAfterEditingUnrelatedFile))]
    public void SetupEdit()
    {
        _compilation = _base.Clone();
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _edited = _compilation.ReplaceSyntaxTree(_editedTarget, _editedReplacement);
        CollectSetupGarbage();
    }

    [IterationSetup(Target = nameof(FloorRerunMatchOnly))]
    public void SetupFloorMatchOnly() => SetupFloor(bindMethodAttributes: false);

    [IterationSetup(Target = nameof(FloorRerunBindMethodAttributes))]
    public void SetupFloorBind() => SetupFloor(bindMethodAttributes: true);

    private void SetupFloor(bool bindMethodAttributes)
    {
        _compilation = _base.Clone();
        _warmDriver = CreateDriver(new ReferenceGenerator(bindMethodAttributes)).RunGenerators(_compilation);
        _edited = _compilation.AddSyntaxTrees(_addedTree);
        CollectSetupGarbage();
    }

    /// <summary>
    /// Every setup ends with a full collection (the same for all five cases), so that the one measured invocation does
    /// not pay for collecting the setup's garbage: a warm-up driver run leaves about 60 MB behind, which otherwise lands
    /// in a rerun that allocates 10 MB of its own.
    /// </summary>
    private static void CollectSetupGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver ColdRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterAddingUnrelatedFile() => _warmDriver.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver RerunAfterEditingUnrelatedFile() => _warmDriver.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver FloorRerunMatchOnly() => _warmDriver.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver FloorRerunBindMethodAttributes() => _warmDriver.RunGenerators(_edited);

    private static GeneratorDriver CreateDriver(IIncrementalGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new StateMachineGenerator()).AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    private static ImmutableArray<MetadataReference> References()
    {
        // The platform (System.*, netstandard, mscorlib) plus the FsmGen runtime: what a user project compiles against.
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"));
        return platform
            .Append(typeof(StateAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string CommonSource() => """
        namespace Generated
        {
            public enum GenTrigger
            {
                Next,
                Back,
                Reset,
                Skip,
            }

            public sealed record Item(int Value, int Flags, string Tag);
        }
        """;

    private static string S(int j) => "S" + j.ToString("00");

    /// <summary>19 leaf states S00..S18 in a guarded ring plus a composite Group (the parent of S10..S14) that handles Reset.</summary>
    private static string EventMachineSource(int index)
    {
        const int leaves = StatesPerMachine - 1;
        var b = new StringBuilder();
        b.AppendLine("using FsmGen;");
        b.AppendLine();
        b.AppendLine("namespace Generated.Machines");
        b.AppendLine("{");
        b.AppendLine("    [StateMachine(Triggers = typeof(GenTrigger), UnknownTrigger = TriggerPolicy.Ignore, History = 4)]");
        b.AppendLine("    public partial class EventMachine" + index.ToString("000"));
        b.AppendLine("    {");
        b.AppendLine("        public int Count;");
        b.AppendLine();
        b.AppendLine("        public bool Enabled = true;");
        b.AppendLine();
        b.AppendLine("        [State(OnExit = nameof(LeaveGroup))]");
        b.AppendLine("        [Transition(To = nameof(S00), On = GenTrigger.Reset)]");
        b.AppendLine("        private void Group() => Count += 100;");
        for (var j = 0; j < leaves; j++)
        {
            b.AppendLine();
            var parent = j is >= 10 and <= 14 ? "Parent = nameof(Group)" : null;
            var start = j == 0 ? "Start = true" : null;
            var exit = j % 4 == 1 ? "OnExit = nameof(Leave)" : null;
            var args = string.Join(", ", new[] { start, parent, exit }.Where(a => a is not null));
            b.AppendLine("        [State" + (args.Length > 0 ? "(" + args + ")" : "") + "]");
            b.AppendLine("        [Transition(To = nameof(" + S((j + 1) % leaves) + "), On = GenTrigger.Next" + (j % 2 == 1 ? ", When = nameof(CanMove)" : "") + ")]");
            if (j > 0) b.AppendLine("        [Transition(To = nameof(" + S(j - 1) + "), On = GenTrigger.Back)]");
            if (j + 2 < leaves) b.AppendLine("        [Transition(To = nameof(" + S(j + 2) + "), On = GenTrigger.Skip, When = nameof(CanSkip), Transform = nameof(Skipped))]");
            b.AppendLine("        private void " + S(j) + "() => Count++;");
        }

        b.AppendLine();
        b.AppendLine("        private bool CanMove() => Enabled;");
        b.AppendLine();
        b.AppendLine("        private bool CanSkip() => Count % 2 == 0;");
        b.AppendLine();
        b.AppendLine("        private void Skipped() => Count += 2;");
        b.AppendLine();
        b.AppendLine("        private void Leave() => Count--;");
        b.AppendLine();
        b.AppendLine("        private void LeaveGroup() => Count -= 100;");
        b.AppendLine("    }");
        b.AppendLine("}");
        return b.ToString();
    }

    /// <summary>19 states S00..S18 moving forward (a guarded skip with priority, else the next state, some with a transform) and an end state Done.</summary>
    private static string DataFlowMachineSource(int index)
    {
        const int steps = StatesPerMachine - 1;
        var b = new StringBuilder();
        b.AppendLine("using FsmGen;");
        b.AppendLine();
        b.AppendLine("namespace Generated.Machines");
        b.AppendLine("{");
        b.AppendLine("    [StateMachine(History = 4)]");
        b.AppendLine("    public partial class FlowMachine" + index.ToString("000"));
        b.AppendLine("    {");
        for (var j = 0; j < steps; j++)
        {
            string Target(int k) => k >= steps ? "Done" : S(k);
            b.AppendLine("        [State" + (j == 0 ? "(Start = true)" : "") + "]");
            if (j + 2 <= steps) b.AppendLine("        [Transition(To = nameof(" + Target(j + 2) + "), When = nameof(IsOdd), Priority = 1)]");
            b.AppendLine("        [Transition(To = nameof(" + Target(j + 1) + ")" + (j % 3 == 0 ? ", Transform = nameof(Touch)" : "") + ")]");
            b.AppendLine("        private static Item " + S(j) + "(Item item) => item with { Value = item.Value + " + (j + 1) + " };");
            b.AppendLine();
        }

        b.AppendLine("        [State(End = true)]");
        b.AppendLine("        private static void Done(Item item)");
        b.AppendLine("        {");
        b.AppendLine("        }");
        b.AppendLine();
        b.AppendLine("        private static bool IsOdd(Item item) => item.Value % 2 == 1;");
        b.AppendLine();
        b.AppendLine("        private static Item Touch(Item item) => item with { Flags = item.Flags + 1 };");
        b.AppendLine("    }");
        b.AppendLine("}");
        return b.ToString();
    }

    private static string UnrelatedSource(int index, bool edited)
    {
        var b = new StringBuilder();
        b.AppendLine("namespace Generated.Elsewhere");
        b.AppendLine("{");
        b.AppendLine("    public sealed class Service" + index.ToString("00"));
        b.AppendLine("    {");
        b.AppendLine("        private readonly System.Collections.Generic.List<int> _values = new();");
        b.AppendLine();
        b.AppendLine("        public int Count => _values.Count;");
        b.AppendLine();
        b.AppendLine("        public void Add(int value) => _values.Add(value" + (edited ? " * 2" : "") + ");");
        b.AppendLine();
        b.AppendLine("        public int Sum()");
        b.AppendLine("        {");
        b.AppendLine("            var sum = 0;");
        b.AppendLine("            foreach (var value in _values) sum += value;");
        b.AppendLine("            return sum;");
        b.AppendLine("        }");
        if (edited)
        {
            b.AppendLine();
            b.AppendLine("        public string Describe() => \"Service" + index.ToString("00") + " with \" + Count + \" values\";");
        }

        b.AppendLine("    }");
        b.AppendLine("}");
        return b.ToString();
    }
}
