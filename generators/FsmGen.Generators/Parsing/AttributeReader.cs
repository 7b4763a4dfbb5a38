using System.Collections.Generic;
using System.Threading;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>Reads [State] and [Transition] attributes into raw declarations, tolerating half-typed arguments.</summary>
internal static class AttributeReader
{
    public static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    public static LocationInfo? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));

    public static RawState ReadState(IMethodSymbol method, AttributeData stateAttribute, CancellationToken cancellationToken)
    {
        var state = new RawState(method, LocationInfo.From(method.Locations.Length > 0 ? method.Locations[0] : null));
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
        var name = attribute.AttributeClass?.ToDisplayString();
        switch (name)
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
        var transition = new RawTransition(LocationOf(attribute, cancellationToken), index);
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
