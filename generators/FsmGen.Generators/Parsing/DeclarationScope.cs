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
    private readonly int _position;
    private readonly Dictionary<string, MethodAttributeKind> _attributeKinds = new();
    private readonly Dictionary<string, ISymbol?> _qualifiers = new();
    private readonly Dictionary<string, string?> _triggerNames = new();
    private INamedTypeSymbol? _triggerType;
    private bool? _nameofIsOperator;

    /// <param name="model">The semantic model of the declaration's tree.</param>
    /// <param name="position">
    /// Where names are looked up: the start of one of the declaration's methods, before its attributes. There the scope is
    /// the one its attributes bind in, without the attribute's own semantic model that a position inside one would build.
    /// </param>
    /// <summary>The types named in the declaration's method signatures, as far as they have been bound.</summary>
    public SignatureTypes Signatures { get; } = new();

    public DeclarationScope(SemanticModel model, int position)
    {
        _model = model;
        _position = position;
    }

    /// <summary>What an attribute written like <paramref name="attribute"/> is, from the class it binds to.</summary>
    public MethodAttributeKind KindOf(AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        // Verbatim names (@State) are looked up without the Attribute suffix, so the key keeps the text as written.
        var simple = attribute.Name as IdentifierNameSyntax;
        var key = simple is not null ? simple.Identifier.Text : attribute.Name.ToString();
        if (!_attributeKinds.TryGetValue(key, out var kind))
        {
            kind = MethodAttributeKinds.Classify((simple is null ? null : NameLookup.AttributeClass(_model, _position, simple)) ?? Bind(attribute, cancellationToken));
            _attributeKinds[key] = kind;
        }

        return kind;
    }

    /// <summary>
    /// The attribute's class by binding it. The constructor, not the type info: on a wrong arity or an inaccessible class
    /// the type info still names a best candidate, while the bound attribute's class is an error type.
    /// </summary>
    private INamedTypeSymbol? Bind(AttributeSyntax attribute, CancellationToken cancellationToken) =>
        _model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor ? constructor.ContainingType : null;

    /// <summary>What the left side of <c>Left.Member</c> binds to (for <c>On = GenTrigger.Next</c>), or null when nothing does.</summary>
    public ISymbol? Qualifier(IdentifierNameSyntax left, CancellationToken cancellationToken)
    {
        var key = left.Identifier.Text;
        if (!_qualifiers.TryGetValue(key, out var bound))
        {
            bound = NameLookup.Type(_model, _position, left) ?? _model.GetSymbolInfo(left, cancellationToken).Symbol;
            _qualifiers[key] = bound;
        }

        return bound;
    }

    /// <summary>
    /// The trigger name for <c>Trigger.Member</c> once Trigger is known to bind to <paramref name="triggerType"/>: the
    /// first member declared with Member's value, or null when Member is not exactly one constant of the enum (two members
    /// of one name, CS0102, make the access ambiguous; a broken initializer makes the value an error).
    /// </summary>
    public string? TriggerName(INamedTypeSymbol triggerType, string member)
    {
        if (!SymbolEqualityComparer.Default.Equals(_triggerType, triggerType))
        {
            _triggerType = triggerType;
            _triggerNames.Clear();
        }

        if (!_triggerNames.TryGetValue(member, out var name))
        {
            var members = triggerType.GetMembers(member);
            name = members.Length == 1 && members[0] is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant }
                ? EnumMembers.FirstWithValue(triggerType, constant)
                : null;
            _triggerNames[member] = name;
        }

        return name;
    }

    /// <summary>
    /// True when <c>nameof(...)</c> in this declaration is the operator: nothing named <c>nameof</c> is in scope (a method of
    /// that name in the class, a base or container type, or a <c>using static</c> would turn it into a call).
    /// </summary>
    public bool NameofIsOperator() =>
        _nameofIsOperator ??= _model.LookupSymbols(_position, name: SyntaxFacts.GetText(SyntaxKind.NameOfKeyword)).IsEmpty;
}
