using System.Collections.Generic;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The error recovery attributes of one [State] method as written ([Retry], [Deadline], [CircuitBreaker], [Fallback],
/// [Compensate]), before validation. Lives only inside one parse; never enters the pipeline model.
/// </summary>
internal sealed class RawRecovery
{
    public RawRecoveryAttribute? Retry { get; set; }

    public RawRecoveryAttribute? Deadline { get; set; }

    public RawRecoveryAttribute? CircuitBreaker { get; set; }

    public RawRecoveryAttribute? Fallback { get; set; }

    public RawRecoveryAttribute? Compensate { get; set; }
}

/// <summary>One recovery attribute: where it is written, the name its constructor takes (by nameof), and its named values.</summary>
internal sealed class RawRecoveryAttribute
{
    private readonly Dictionary<string, TypedConstant> _values = new();

    public RawRecoveryAttribute(AttributeData attribute, LocationInfo? location)
    {
        Location = location;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: not TypedConstantKind.Error, Value: string name })
        {
            Name = name;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind != TypedConstantKind.Error) _values[argument.Key] = argument.Value;
        }
    }

    public LocationInfo? Location { get; }

    /// <summary>The state or method named by the constructor ([Fallback], [Compensate]); null when absent or half-typed.</summary>
    public string? Name { get; }

    /// <summary>The value of an int property, or <paramref name="fallback"/> (the attribute's default) when it is not set.</summary>
    public int Int(string property, int fallback) => _values.TryGetValue(property, out var value) && value.Value is int number ? number : fallback;

    public TypedConstant? Value(string property) => _values.TryGetValue(property, out var value) ? value : null;
}
