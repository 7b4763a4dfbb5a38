using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// Whether an edit of a file changed only what no other file can see: member bodies and the initializers of fields that
/// are not const. What other files bind to (declarations, signatures, attributes, constants, usings) is then the same,
/// so the edit makes no name suspect (<see cref="ChangeSet"/>). Typing inside a method is the most common edit there is.
/// <para>
/// Roslyn's own top-level equivalence decides it (<see cref="SyntaxFactory.AreEquivalent(SyntaxTree, SyntaxTree, bool)"/>,
/// the test the IDE uses for the same question). It is not documented to look at directives, and a <c>#nullable</c>
/// directive changes the signatures after it, so a file with one on either side never counts as a body-only edit.
/// </para>
/// </summary>
internal static class BodyOnlyEdit
{
    public static bool Between(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken) =>
        before.Options.Equals(after.Options)
        && !HasNullableDirective(before, cancellationToken)
        && !HasNullableDirective(after, cancellationToken)
        && SyntaxFactory.AreEquivalent(before, after, topLevel: true);

    private static bool HasNullableDirective(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        return root.ContainsDirectives && root.DescendantTrivia().Any(trivia => trivia.IsKind(SyntaxKind.NullableDirectiveTrivia));
    }
}
