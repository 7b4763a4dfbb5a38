using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The <see cref="DeclarationScope"/> of each class declaration met during one parse (a machine, its other partial parts
/// and the subflows it pushes). Semantic models come from the compilation being parsed, so nothing outlives it.
/// </summary>
internal sealed class DeclarationScopes
{
    private readonly Compilation _compilation;
    private readonly SemanticModel? _known;
    private readonly Dictionary<TypeDeclarationSyntax, DeclarationScope> _scopes = new();

    /// <summary>Methods already described in this parse: a guard or transform named by many transitions is described once.</summary>
    public Dictionary<IMethodSymbol, MethodShape> Shapes { get; } = new(SymbolEqualityComparer.Default);

    /// <param name="compilation">The compilation being parsed.</param>
    /// <param name="known">A semantic model already at hand (the one the matched class came with), reused for its tree.</param>
    public DeclarationScopes(Compilation compilation, SemanticModel? known)
    {
        _compilation = compilation;
        _known = known;
    }

    /// <summary>The scope of <paramref name="declaration"/>, created for the first of its methods that asks.</summary>
    public DeclarationScope For(TypeDeclarationSyntax declaration, MethodDeclarationSyntax method)
    {
        if (!_scopes.TryGetValue(declaration, out var scope))
        {
            var tree = declaration.SyntaxTree;
            var model = _known is not null && _known.SyntaxTree == tree ? _known : _compilation.GetSemanticModel(tree);
            scope = new DeclarationScope(model, method.SpanStart);
            _scopes[declaration] = scope;
        }

        return scope;
    }
}
