using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace FsmGen.Generators.Patterns;

/// <summary>The templates the generator knows. Pattern packages add theirs here; tests may supply their own set.</summary>
internal sealed class PatternRegistry
{
    public PatternRegistry(IEnumerable<IPatternTemplate> templates) =>
        Templates = templates.ToImmutableDictionary(t => t.Name);

    /// <summary>The templates that ship with the generator.</summary>
    public static PatternRegistry Default { get; } = new(new IPatternTemplate[] { new FileProcessingTemplate(), new EtlTemplate() });

    public ImmutableDictionary<string, IPatternTemplate> Templates { get; }

    public string KnownNames => Templates.Count == 0 ? "none yet" : string.Join(", ", Templates.Keys.OrderBy(k => k));
}
