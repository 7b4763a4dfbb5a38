using System.Collections.Generic;
using System.Threading;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// Reads a method's [State] and [Transition] attributes from its syntax, which is what a rerun after an unrelated edit
/// mostly pays for otherwise: binding every attribute through <see cref="ISymbol.GetAttributes"/> binds every argument.
/// Here the compiler is asked only what the text cannot say: which class each distinct attribute name binds to (once per
/// class declaration), what the left side of <c>On = Trigger.Member</c> is, and whether <c>nameof</c> is the operator.
/// It answers null, and the caller reads the method through symbols (<see cref="AttributeReader"/>), for anything it
/// cannot prove gives the same declarations: partial or generic methods, attribute targets, positional or unknown
/// arguments, values other than <see cref="SyntaxConstants"/>' forms, recovery attributes, attributes that do not bind.
/// </summary>
internal static class SyntaxAttributeReader
{
    public static RawMethod? TryRead(IMethodSymbol method, DeclarationScopes scopes, INamedTypeSymbol? triggerType, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length != 1) return null;
        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { TypeParameterList: null, Parent: TypeDeclarationSyntax declaration } syntax
            || syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return null;
        }

        if (syntax.AttributeLists.Count == 0) return RawMethod.None;

        // Parameters are in scope in nameof arguments of the method's attributes (C# 11); one named nameof is not vouched for.
        foreach (var parameter in syntax.ParameterList.Parameters)
        {
            if (parameter.Identifier.ValueText == "nameof") return null;
        }

        var scope = scopes.For(declaration, syntax);
        AttributeSyntax? stateAttribute = null;
        List<AttributeSyntax>? transitions = null;
        foreach (var list in syntax.AttributeLists)
        {
            if (list.Target is not null) return null;
            foreach (var attribute in list.Attributes)
            {
                switch (scope.KindOf(attribute, cancellationToken))
                {
                    case MethodAttributeKind.State when stateAttribute is null: stateAttribute = attribute; break;
                    case MethodAttributeKind.Transition: (transitions ??= new()).Add(attribute); break;
                    case MethodAttributeKind.Other: break;
                    default: return null; // unsure, or a second [State] (CS0579)
                }
            }
        }

        if (stateAttribute is null) return transitions is null ? RawMethod.None : RawMethod.Stray(LocationInfo.From(transitions[0]));

        var state = new RawState(method, method.Locations.Length > 0 ? method.Locations[0] : null);
        if (!TryReadState(state, stateAttribute, method.ContainingType, scope)) return null;
        if (transitions is not null)
        {
            for (var i = 0; i < transitions.Count; i++)
            {
                var transition = TryReadTransition(transitions[i], i, method.ContainingType, scope, triggerType, cancellationToken);
                if (transition is null) return null;
                state.Transitions.Add(transition);
            }
        }

        return RawMethod.Of(state);
    }

    private static bool TryReadState(RawState state, AttributeSyntax attribute, INamedTypeSymbol type, DeclarationScope scope)
    {
        if (attribute.ArgumentList is not { } arguments) return true;
        var seen = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument is not { NameEquals.Name.Identifier.ValueText: var name, NameColon: null }) return false;
            var value = argument.Expression;
            bool flag;
            string? text;
            switch (name)
            {
                case "Start" when First(ref seen, 0) && SyntaxConstants.TryBool(value, out flag): state.IsStart = flag; break;
                case "End" when First(ref seen, 1) && SyntaxConstants.TryBool(value, out flag): state.IsEnd = flag; break;
                case "EmitOutput" when First(ref seen, 2) && SyntaxConstants.TryBool(value, out flag): state.EmitOutput = flag; break;
                case "RunOnFailure" when First(ref seen, 3) && SyntaxConstants.TryBool(value, out flag): state.RunOnFailure = flag; break;
                case "Parent" when First(ref seen, 4) && SyntaxConstants.TryString(value, type, scope, out text): state.Parent = NonEmpty(text); break;
                case "OnExit" when First(ref seen, 5) && SyntaxConstants.TryString(value, type, scope, out text): state.OnExit = NonEmpty(text); break;
                default: return false;
            }
        }

        return true;
    }

    private static RawTransition? TryReadTransition(AttributeSyntax attribute, int index, INamedTypeSymbol type, DeclarationScope scope, INamedTypeSymbol? triggerType, CancellationToken cancellationToken)
    {
        var transition = new RawTransition(attribute, index);
        if (attribute.ArgumentList is not { } arguments) return transition;
        var seen = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument is not { NameEquals.Name.Identifier.ValueText: var name, NameColon: null }) return null;
            var value = argument.Expression;
            string? text;
            switch (name)
            {
                case "To" when First(ref seen, 0) && SyntaxConstants.TryString(value, type, scope, out text): transition.To = NonEmpty(text); break;
                case "When" when First(ref seen, 1) && SyntaxConstants.TryString(value, type, scope, out text): transition.When = NonEmpty(text); break;
                case "Transform" when First(ref seen, 2) && SyntaxConstants.TryString(value, type, scope, out text): transition.Transform = NonEmpty(text); break;
                case "Priority" when First(ref seen, 3) && SyntaxConstants.TryInt(value, out var priority): transition.Priority = priority; break;
                case "OnFailure" when First(ref seen, 4) && SyntaxConstants.TryBool(value, out var onFailure): transition.OnFailure = onFailure; break;
                case "On" when First(ref seen, 5) && TriggerMember(value, scope, triggerType, cancellationToken) is { } member: transition.OnMember = member; break;
                default: return null;
            }
        }

        return transition;
    }

    /// <summary>
    /// The trigger named by <c>On = Trigger.Member</c> when Trigger binds to the machine's trigger enum and Member is one of
    /// its constants: the name the symbol path reports for that value (the first member declared with it).
    /// </summary>
    private static string? TriggerMember(ExpressionSyntax value, DeclarationScope scope, INamedTypeSymbol? triggerType, CancellationToken cancellationToken)
    {
        if (triggerType is null) return null;
        if (value is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax left, Name: IdentifierNameSyntax right }) return null;
        if (!SymbolEqualityComparer.Default.Equals(scope.Qualifier(left, cancellationToken), triggerType)) return null;
        return scope.TriggerName(triggerType, right.Identifier.ValueText);
    }

    /// <summary>True the first time an argument (by its bit) is met: a repeated named argument is an error (CS0643).</summary>
    private static bool First(ref int seen, int bit)
    {
        var mask = 1 << bit;
        if ((seen & mask) != 0) return false;
        seen |= mask;
        return true;
    }

    /// <summary>As the symbol path reads strings: empty is no value.</summary>
    private static string? NonEmpty(string? text) => text is { Length: > 0 } ? text : null;
}
