using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// The <see cref="TreeSummary"/> of each tree and the <see cref="CompilationSnapshot"/> of each compilation, kept per
/// generator instance (weakly: they go with their trees and compilations). A fresh generator starts empty, so a cold run
/// pays for reading every tree once; a rerun reads only the trees that are new.
/// </summary>
internal sealed class SnapshotCache
{
    private readonly ConditionalWeakTable<SyntaxTree, TreeSummary> _summaries = new();
    private readonly ConditionalWeakTable<Compilation, CompilationSnapshot> _snapshots = new();

    public CompilationSnapshot Of(Compilation compilation, CancellationToken cancellationToken)
    {
        if (_snapshots.TryGetValue(compilation, out var known)) return known;
        var snapshot = new CompilationSnapshot(compilation, tree => SummaryOf(tree, cancellationToken));
        return _snapshots.GetValue(compilation, _ => snapshot);
    }

    private TreeSummary SummaryOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(tree, out var known)) return known;
        var summary = TreeSummary.Read(tree, cancellationToken);
        return _summaries.GetValue(tree, _ => summary);
    }
}
