using System.Collections.Generic;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>A [State] method as written, before validation. Lives only inside one parse; never enters the pipeline model.</summary>
internal sealed class RawState
{
    public RawState(IMethodSymbol method, LocationInfo? location)
    {
        Method = method;
        Location = location;
    }

    public IMethodSymbol Method { get; }

    public string Name => Method.Name;

    public LocationInfo? Location { get; }

    public bool IsStart { get; set; }

    public bool IsEnd { get; set; }

    public bool EmitOutput { get; set; } = true;

    public bool RunOnFailure { get; set; }

    public string? Parent { get; set; }

    public string? OnExit { get; set; }

    /// <summary>The state's error recovery attributes, or null when it has none.</summary>
    public RawRecovery? Recovery { get; set; }

    public List<RawTransition> Transitions { get; } = new();
}

/// <summary>A [Transition] attribute as written, before validation.</summary>
internal sealed class RawTransition
{
    public RawTransition(LocationInfo? location, int declarationIndex)
    {
        Location = location;
        DeclarationIndex = declarationIndex;
    }

    public LocationInfo? Location { get; }

    public int DeclarationIndex { get; }

    public string? To { get; set; }

    public string? When { get; set; }

    public TypedConstant? On { get; set; }

    /// <summary>
    /// The trigger member when <c>On</c> was read from syntax (<see cref="SyntaxAttributeReader"/>), which reads it only
    /// for an event-driven machine whose trigger enum has it; <see cref="On"/> is then null.
    /// </summary>
    public string? OnMember { get; set; }

    public int Priority { get; set; }

    public string? Transform { get; set; }

    public bool OnFailure { get; set; }

    public ITypeSymbol? Exception { get; set; }

    public ITypeSymbol? Push { get; set; }
}
