using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// The parts of a compilation that a cached parse result depends on besides its own tree: the other trees (with their
/// <see cref="TreeSummary"/>), the references and the options. Holds no symbols and no semantic model, so a cache entry
/// that keeps one alive keeps only trees that are alive anyway in the newer compilations that share them.
/// </summary>
internal sealed class CompilationSnapshot
{
    private readonly object _gate = new();
    // Weak keys: a snapshot must not keep the ones before it alive.
    private readonly ConditionalWeakTable<CompilationSnapshot, ChangeSet> _changesSince = new();
    private Dictionary<string, int>? _namespaceCounts;
    private HashSet<string>? _aliasNames;

    public CompilationSnapshot(Compilation compilation, System.Func<SyntaxTree, TreeSummary> summarize)
    {
        var trees = compilation.SyntaxTrees.ToList();
        Order = trees;
        Trees = new Dictionary<SyntaxTree, TreeSummary>(trees.Count);
        foreach (var tree in trees) Trees[tree] = summarize(tree);
        References = compilation.References.ToList();
        Options = compilation.Options;
        AssemblyName = compilation.AssemblyName;
    }

    /// <summary>The trees in the compilation's order, which is the order of a partial class's members and attributes.</summary>
    public List<SyntaxTree> Order { get; }

    /// <summary>Every tree of the compilation, with what it declares.</summary>
    public Dictionary<SyntaxTree, TreeSummary> Trees { get; }

    public List<MetadataReference> References { get; }

    public CompilationOptions Options { get; }

    public string? AssemblyName { get; }

    /// <summary>The names of every using alias in the compilation.</summary>
    public HashSet<string> AliasNames
    {
        get
        {
            lock (_gate)
            {
                return _aliasNames ??= new HashSet<string>(Trees.Values.SelectMany(summary => summary.Aliases), System.StringComparer.Ordinal);
            }
        }
    }

    /// <summary>How many declarations of each namespace (full name) the trees hold.</summary>
    public Dictionary<string, int> NamespaceCounts
    {
        get
        {
            lock (_gate)
            {
                if (_namespaceCounts is null)
                {
                    _namespaceCounts = new Dictionary<string, int>(System.StringComparer.Ordinal);
                    foreach (var summary in Trees.Values)
                    {
                        foreach (var name in summary.Namespaces) _namespaceCounts[name] = _namespaceCounts.TryGetValue(name, out var count) ? count + 1 : 1;
                    }
                }

                return _namespaceCounts;
            }
        }
    }

    /// <summary>What changed from <paramref name="earlier"/> to this compilation; worked out once per pair.</summary>
    public ChangeSet ChangesSince(CompilationSnapshot earlier, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(earlier, this)) return ChangeSet.None;
        if (_changesSince.TryGetValue(earlier, out var known)) return known;

        // Two threads may both compute it; the answers are the same, and the first one stored is kept.
        var computed = ChangeSet.Between(earlier, this, cancellationToken);
        return _changesSince.GetValue(earlier, _ => computed);
    }
}
