using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// What names written inside one class declaration bind to, asked of the compiler once per distinct text instead of once
/// per attribute. Attributes on the declaration's non-generic methods are bound in the same scope (the class's members,
/// then its containers and usings), so one answer holds for every attribute of the declaration written the same way.
/// Lives only inside one parse, like the compilation it asks.
/// </summary>
internal sealed class DeclarationScope
{
    private readonly SemanticModel _model;
    private readonly Dictionary<string, MethodAttributeKind> _attributeKinds = new();
    private readonly Dictionary<string, ISymbol?> _qualifiers = new();
    private bool? _nameofIsOperator;

    public DeclarationScope(SemanticModel model) => _model = model;

    /// <summary>What an attribute written like <paramref name="attribute"/> is, from the class it binds to.</summary>
    public MethodAttributeKind KindOf(AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        // Verbatim names (@State) are looked up without the Attribute suffix, so the key keeps the text as written.
        var key = attribute.Name is IdentifierNameSyntax simple ? simple.Identifier.Text : attribute.Name.ToString();
        if (!_attributeKinds.TryGetValue(key, out var kind))
        {
            // The constructor, not the type: on a wrong arity or an inaccessible class the type info still names a best
            // candidate, while the bound attribute's class is an error type. A resolved constructor has no such doubt.
            var constructor = _model.GetSymbolInfo(attribute, cancellationToken).Symbol as IMethodSymbol;
            kind = MethodAttributeKinds.Classify(constructor is { MethodKind: MethodKind.Constructor } ? constructor.ContainingType : null);
            _attributeKinds[key] = kind;
        }

        return kind;
    }

    /// <summary>What the left side of <c>Left.Member</c> binds to (for <c>On = GenTrigger.Next</c>), or null when nothing does.</summary>
    public ISymbol? Qualifier(IdentifierNameSyntax left, CancellationToken cancellationToken)
    {
        var key = left.Identifier.Text;
        if (!_qualifiers.TryGetValue(key, out var bound))
        {
            bound = _model.GetSymbolInfo(left, cancellationToken).Symbol;
            _qualifiers[key] = bound;
        }

        return bound;
    }

    /// <summary>
    /// True when <c>nameof(...)</c> in this declaration is the operator: nothing named <c>nameof</c> is in scope (a method of
    /// that name in the class, a base or container type, or a <c>using static</c> would turn it into a call).
    /// </summary>
    public bool NameofIsOperator(int position) =>
        _nameofIsOperator ??= _model.LookupSymbols(position, name: SyntaxFacts.GetText(SyntaxKind.NameOfKeyword)).IsEmpty;
}
