using FsmGen.Generators.Model;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// What a template builds for one [Pattern] class: the machine (emitted like any other), and optionally a second part
/// of the class that the template writes itself (the state methods its graph calls, typed readers and writers, an entry
/// point). Plain values only, like <see cref="MachineResult"/>, so the pipeline can cache it.
/// </summary>
internal sealed record PatternResult(MachineResult Machine, PatternPart? Part)
{
    /// <summary>A template whose machine is all it emits.</summary>
    public static implicit operator PatternResult(MachineResult machine) => new(machine, null);
}

/// <summary>
/// The equatable model of a template's own part of a [Pattern] class, and how to write it. Emitted only when the
/// machine is (a broken pattern emits nothing).
/// </summary>
internal abstract record PatternPart
{
    /// <summary>The hint name of the file, distinct from the machine's <c>{FullMetadataName}.g.cs</c>.</summary>
    public abstract string HintName { get; }

    /// <summary>Writes the part's source text.</summary>
    public abstract string Emit();
}
