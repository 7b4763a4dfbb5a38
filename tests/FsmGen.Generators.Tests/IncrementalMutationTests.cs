using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests;

/// <summary>
/// The reuse of parse results across runs under edits nobody chose: one warm driver follows a sequence of seeded random
/// edits (<see cref="SourceMutator"/>: deleted tokens, half-typed arguments, wrong types...) of the files around the
/// machines (their records, constants, other partial parts, pushed machines) and of the machines' own files, and every
/// run must be observed exactly as a fresh driver's run of the same compilation. <see cref="IncrementalEquivalenceTests"/>
/// checks chosen edits; this finds the ones nobody thought of.
/// </summary>
public sealed class IncrementalMutationTests
{
    private const int Seed = 20_261_126;
    private const int EditsPerSet = 150;

    public static TheoryData<string> FileSets => new() { "split", "limited", "checkout", "patterns" };

    [Theory]
    [MemberData(nameof(FileSets))]
    public void AWarmDriverFollowingRandomEditsSeesWhatAColdOneSees(string set)
    {
        var originals = Files(set);
        var mutators = originals.ToDictionary(f => f.Path, f => new SourceMutator(f.Text));
        var random = new Random(Seed + set.Length);
        var compilation = Edits.Compile(originals);
        var warm = RerunEquivalence.NewDriver();
        var changedOutputs = 0;
        var previous = "";

        for (var i = 0; i < EditsPerSet; i++)
        {
            // One file at a time is edited, from its original text, so that the compilation keeps returning to shapes
            // that generate something; every other file stays the same tree object, as in an editor.
            var (path, _) = originals[random.Next(originals.Length)];
            var mutation = mutators[path].Next(random);
            compilation = Edits.Replace(compilation, path, mutation.Text);

            warm = RerunEquivalence.Run(warm, compilation);
            var cold = RerunEquivalence.Observe(RerunEquivalence.Run(RerunEquivalence.NewDriver(), compilation));
            RerunEquivalence.AssertSame(cold, RerunEquivalence.Observe(warm), "edit " + i + " (" + mutation.Kind + " in " + path + ": " + mutation.Description + ")");
            if (cold != previous) changedOutputs++;
            previous = cold;

            // Back to the original text of that file half of the time, so the next edit starts from a working set.
            if (random.Next(2) == 0)
            {
                compilation = Edits.Replace(compilation, path, originals.Single(f => f.Path == path).Text);
            }
        }

        // The edits did move the output: a sequence that never changed it would prove nothing about reuse.
        Assert.True(changedOutputs > EditsPerSet / 4, "Only " + changedOutputs + " of " + EditsPerSet + " edits changed what the generator produced.");
    }

    private static (string Path, string Text)[] Files(string set) => set switch
    {
        "split" => new[] { ("A.cs", RerunSources.SplitStart), ("B.cs", RerunSources.SplitRest), ("C.cs", RerunSources.Order), ("D.cs", RerunSources.Flow) },
        "limited" => new[] { ("A.cs", RerunSources.Limited), ("B.cs", RerunSources.Limits), ("C.cs", RerunSources.Order) },
        "checkout" => new[] { ("A.cs", RerunSources.Checkout), ("B.cs", RerunSources.Payment), ("C.cs", RerunSources.Carts) },
        "patterns" => new[] { ("A.cs", RerunSources.PaidOrders), ("B.cs", RerunSources.FileOrder), ("C.cs", RerunSources.CustomerLoad), ("D.cs", RerunSources.Customer) },
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };
}
