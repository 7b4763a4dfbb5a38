using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// Finds, from syntax alone, the class declarations that may carry a given attribute: an attribute whose written name
/// is the attribute's (with or without the <c>Attribute</c> suffix, qualified or not) or any using alias in the
/// compilation. Which of them really bind to the attribute is decided by the parse, on a cache miss.
/// <para>
/// Why not <c>ForAttributeWithMetadataName</c>: it binds every matched class and its attributes again whenever the
/// compilation changes, before any cache of ours can answer. And why not a syntax provider: it visits every node of a
/// tree, member bodies included, where the declarations are all that can hold a class. The trees' summaries
/// (<see cref="TreeSummary"/>) are read once per tree, so a rerun only looks at the trees that are new. Matching on
/// names only over-matches (an alias named like any other), which the parse then rejects.
/// </para>
/// </summary>
internal static class AnnotatedClasses
{
    /// <summary>The class declarations with an attribute written as <paramref name="simpleName"/>, <c>{simpleName}Attribute</c> or an alias.</summary>
    public static IncrementalValuesProvider<ClassDeclarationSyntax> Named(IncrementalGeneratorInitializationContext context, SnapshotCache snapshots, string simpleName)
    {
        var suffixed = simpleName + "Attribute";
        return context.CompilationProvider
            .Select((compilation, cancellationToken) => Find(compilation, snapshots.Of(compilation, cancellationToken), simpleName, suffixed))
            .SelectMany(static (nodes, _) => nodes);
    }

    private static ImmutableArray<ClassDeclarationSyntax> Find(Compilation compilation, CompilationSnapshot snapshot, string simpleName, string suffixed)
    {
        var aliases = snapshot.AliasNames;
        var found = ImmutableArray.CreateBuilder<ClassDeclarationSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var (node, names) in snapshot.Trees[tree].AttributedClasses)
            {
                if (names.Any(name => name == simpleName || name == suffixed || aliases.Contains(name))) found.Add(node);
            }
        }

        return found.ToImmutable();
    }
}
