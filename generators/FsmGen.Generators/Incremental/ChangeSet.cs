using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// Which unchanged trees of a newer compilation may bind differently than they did in an earlier one.
/// <para>
/// Names are what binding goes through: a tree can only be affected by a declaration in another tree that it names
/// (<see cref="TreeText"/> tells whether it may), and a file edited only inside member bodies declares nothing new
/// (<see cref="BodyOnlyEdit"/>).
/// So the changed trees (added, removed, or both, for an edit) make their declared names suspect, and a namespace
/// whose existence changed makes its name suspect. An unchanged tree that uses a suspect name is affected, and
/// everything it declares becomes suspect in turn (a base class, a constant or an alias may now mean something else),
/// until nothing more is affected. A global using, an assembly attribute, a different reference or option set, trees in
/// another order: every tree is affected. It errs only on the side of reparsing.
/// </para>
/// </summary>
internal sealed class ChangeSet
{
    private readonly HashSet<SyntaxTree>? _affected;

    private ChangeSet(bool affectsAll, HashSet<SyntaxTree>? affected)
    {
        AffectsAll = affectsAll;
        _affected = affected;
    }

    /// <summary>The same compilation: nothing is affected.</summary>
    public static ChangeSet None { get; } = new(false, new HashSet<SyntaxTree>());

    private static ChangeSet All { get; } = new(true, null);

    /// <summary>True when no cached result can be trusted.</summary>
    public bool AffectsAll { get; }

    /// <summary>
    /// True when a result parsed from <paramref name="trees"/> in the earlier compilation may differ now: one of them is
    /// gone, or may bind differently.
    /// </summary>
    public bool Affects(IEnumerable<SyntaxTree> trees, CompilationSnapshot current) =>
        AffectsAll || trees.Any(tree => !current.Trees.ContainsKey(tree) || _affected!.Contains(tree));

    public static ChangeSet Between(CompilationSnapshot earlier, CompilationSnapshot later, CancellationToken cancellationToken)
    {
        if (!SameReferences(earlier.References, later.References) || !Equals(earlier.Options, later.Options) || earlier.AssemblyName != later.AssemblyName)
        {
            return All;
        }

        // The trees' order is the order of a partial class's members (so of its states) and of its attributes.
        if (!SameOrderOfCommonTrees(earlier, later)) return All;

        var removedTrees = earlier.Order.Where(tree => !later.Trees.ContainsKey(tree)).ToList();
        var addedTrees = later.Order.Where(tree => !earlier.Trees.ContainsKey(tree)).ToList();
        DropBodyOnlyEdits(removedTrees, addedTrees, cancellationToken);
        var removed = removedTrees.Select(tree => earlier.Trees[tree]).ToList();
        var added = addedTrees.Select(tree => later.Trees[tree]).ToList();
        if (removed.Concat(added).Any(summary => summary.HasCompilationWideEffects)) return All;

        var suspect = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var summary in removed.Concat(added)) suspect.UnionWith(summary.Declared);
        AddNamespacesWhoseExistenceChanged(earlier, removed, added, suspect);

        var affected = new HashSet<SyntaxTree>();
        var grew = suspect.Count > 0;
        while (grew)
        {
            cancellationToken.ThrowIfCancellationRequested();
            grew = false;
            foreach (var pair in later.Trees)
            {
                if (affected.Contains(pair.Key) || !earlier.Trees.ContainsKey(pair.Key) || !TreeText.MayUseAny(pair.Key, pair.Value, suspect, cancellationToken)) continue;
                if (pair.Value.HasCompilationWideEffects) return All;
                affected.Add(pair.Key);
                var before = suspect.Count;
                suspect.UnionWith(pair.Value.Declared);
                grew |= suspect.Count != before;
            }
        }

        return new ChangeSet(false, affected);
    }

    /// <summary>
    /// Leaves out each file replaced by a version that differs only in member bodies (<see cref="BodyOnlyEdit"/>): what
    /// it declares is what it declared. A file is paired with its new version by path, when the path is unique on
    /// both sides.
    /// </summary>
    private static void DropBodyOnlyEdits(List<SyntaxTree> removed, List<SyntaxTree> added, CancellationToken cancellationToken)
    {
        foreach (var before in removed.ToList())
        {
            var after = added.Where(tree => tree.FilePath == before.FilePath).ToList();
            if (after.Count != 1 || removed.Count(tree => tree.FilePath == before.FilePath) != 1) continue;
            if (!BodyOnlyEdit.Between(before, after[0], cancellationToken)) continue;
            removed.Remove(before);
            added.Remove(after[0]);
        }
    }

    private static bool SameOrderOfCommonTrees(CompilationSnapshot earlier, CompilationSnapshot later)
    {
        var kept = earlier.Order.Where(later.Trees.ContainsKey).ToList();
        var i = 0;
        foreach (var tree in later.Order)
        {
            if (!earlier.Trees.ContainsKey(tree)) continue;
            if (!ReferenceEquals(kept[i++], tree)) return false;
        }

        return true;
    }

    private static bool SameReferences(List<MetadataReference> left, List<MetadataReference> right)
    {
        if (left.Count != right.Count) return false;
        for (var i = 0; i < left.Count; i++)
        {
            if (!ReferenceEquals(left[i], right[i])) return false;
        }

        return true;
    }

    /// <summary>
    /// A namespace declared by a changed tree matters only if it appeared or disappeared: a name that meant nothing (or
    /// a type) may now mean a namespace, or the reverse. Adding a class to an existing namespace changes no name but the
    /// class's own.
    /// </summary>
    private static void AddNamespacesWhoseExistenceChanged(CompilationSnapshot earlier, List<TreeSummary> removed, List<TreeSummary> added, HashSet<string> suspect)
    {
        if (removed.All(n => n.Namespaces.Count == 0) && added.All(n => n.Namespaces.Count == 0)) return;
        var counts = earlier.NamespaceCounts;
        var delta = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var name in removed.SelectMany(n => n.Namespaces)) delta[name] = (delta.TryGetValue(name, out var d) ? d : 0) - 1;
        foreach (var name in added.SelectMany(n => n.Namespaces)) delta[name] = (delta.TryGetValue(name, out var d) ? d : 0) + 1;
        foreach (var change in delta)
        {
            var before = counts.TryGetValue(change.Key, out var count) ? count : 0;
            if ((before > 0) == (before + change.Value > 0)) continue;
            var dot = change.Key.LastIndexOf('.');
            suspect.Add(dot < 0 ? change.Key : change.Key.Substring(dot + 1));
        }
    }
}
