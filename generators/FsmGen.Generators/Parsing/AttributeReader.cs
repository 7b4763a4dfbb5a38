using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Parsing;

/// <summary>Reads [State] and [Transition] attributes into raw declarations, tolerating half-typed arguments.</summary>
internal static class AttributeReader
{
    public static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } attributeClass && Is(attributeClass, metadataName);

    /// <summary>
    /// True when <paramref name="type"/> displays as <paramref name="metadataName"/>. The display ends with the type's
    /// name, so comparing names first spares building the display string for every other attribute.
    /// </summary>
    public static bool Is(INamedTypeSymbol type, string metadataName)
    {
        var name = type.Name;
        return metadataName.Length > name.Length
            && metadataName[metadataName.Length - name.Length - 1] == '.'
            && string.CompareOrdinal(metadataName, metadataName.Length - name.Length, name, 0, name.Length) == 0
            && type.ToDisplayString() == metadataName;
    }

    /// <summary>One of the state-level error recovery attributes ([Retry], [Deadline], [CircuitBreaker], [Fallback], [Compensate]).</summary>
    public static bool IsRecovery(INamedTypeSymbol type) =>
        Is(type, KnownNames.RetryAttribute) || Is(type, KnownNames.DeadlineAttribute) || Is(type, KnownNames.CircuitBreakerAttribute)
        || Is(type, KnownNames.FallbackAttribute) || Is(type, KnownNames.CompensateAttribute);

    /// <summary>Reads a method's declarations through its bound attributes (every form the compiler accepts).</summary>
    public static RawMethod ReadMethod(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var attributes = method.GetAttributes();
        var stateAttribute = attributes.FirstOrDefault(a => Is(a, KnownNames.StateAttribute));
        if (stateAttribute is not null) return RawMethod.Of(ReadState(method, stateAttribute, cancellationToken));

        var transition = attributes.FirstOrDefault(a => Is(a, KnownNames.TransitionAttribute));
        return transition is null ? RawMethod.None : RawMethod.Stray(LocationOf(transition, cancellationToken));
    }

    public static LocationInfo? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));

    public static RawState ReadState(IMethodSymbol method, AttributeData stateAttribute, CancellationToken cancellationToken)
    {
        var state = new RawState(method, method.Locations.Length > 0 ? method.Locations[0] : null);
        foreach (var argument in stateAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Start": state.IsStart = AsBool(argument.Value); break;
                case "End": state.IsEnd = AsBool(argument.Value); break;
                case "EmitOutput": state.EmitOutput = argument.Value.Value is not false; break;
                case "RunOnFailure": state.RunOnFailure = AsBool(argument.Value); break;
                case "Parent": state.Parent = AsString(argument.Value); break;
                case "OnExit": state.OnExit = AsString(argument.Value); break;
            }
        }

        var index = 0;
        foreach (var attribute in method.GetAttributes())
        {
            if (Is(attribute, KnownNames.TransitionAttribute)) state.Transitions.Add(ReadTransition(attribute, index++, cancellationToken));
            else ReadRecovery(state, attribute, cancellationToken);
        }

        return state;
    }

    private static void ReadRecovery(RawState state, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.AttributeClass is not { } attributeClass || !IsRecovery(attributeClass)) return;
        switch (attributeClass.ToDisplayString())
        {
            case KnownNames.RetryAttribute: Recovery(state).Retry = Raw(); break;
            case KnownNames.DeadlineAttribute: Recovery(state).Deadline = Raw(); break;
            case KnownNames.CircuitBreakerAttribute: Recovery(state).CircuitBreaker = Raw(); break;
            case KnownNames.FallbackAttribute: Recovery(state).Fallback = Raw(); break;
            case KnownNames.CompensateAttribute: Recovery(state).Compensate = Raw(); break;
        }

        RawRecoveryAttribute Raw() => new(attribute, LocationOf(attribute, cancellationToken));

        static RawRecovery Recovery(RawState state) => state.Recovery ??= new RawRecovery();
    }

    /// <summary>
    /// The trigger of a transition as the compiler writes the constant, for messages. A transition read from syntax holds
    /// only the member's name; the method's attributes are bound for its text, which happens only when reporting.
    /// </summary>
    public static string TriggerText(RawState state, RawTransition transition)
    {
        var on = transition.On;
        if (on is null && transition.OnMember is not null)
        {
            on = ReadMethod(state.Method, CancellationToken.None).State?.Transitions.FirstOrDefault(t => t.DeclarationIndex == transition.DeclarationIndex)?.On;
        }

        return on is { IsNull: false } value ? value.ToCSharpString() : "";
    }

    public static int ReadInt(AttributeData attribute, string name, int fallback)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value) return value;
        }

        return fallback;
    }

    public static TypedConstant? ReadNamed(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name) return argument.Value;
        }

        return null;
    }

    private static RawTransition ReadTransition(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        var transition = new RawTransition(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken), index);
        foreach (var argument in attribute.NamedArguments)
        {
            var value = argument.Value;
            switch (argument.Key)
            {
                case "To": transition.To = AsString(value); break;
                case "When": transition.When = AsString(value); break;
                case "On": transition.On = value; break;
                case "Priority": transition.Priority = value.Value is int p ? p : 0; break;
                case "Transform": transition.Transform = AsString(value); break;
                case "OnFailure": transition.OnFailure = AsBool(value); break;
                case "Exception": transition.Exception = value.Kind == TypedConstantKind.Type ? value.Value as ITypeSymbol : null; break;
                case "Push": transition.Push = value.Kind == TypedConstantKind.Type ? value.Value as ITypeSymbol : null; break;
            }
        }

        return transition;
    }

    private static bool AsBool(TypedConstant value) => value.Value is true;

    private static string? AsString(TypedConstant value) =>
        value.Kind == TypedConstantKind.Error ? null : value.Value as string is { Length: > 0 } s ? s : null;

    public static IEnumerable<IMethodSymbol> MethodsNamed(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method) yield return method;
        }
    }
}
