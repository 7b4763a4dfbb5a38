using System.Collections.Generic;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>A [State] method as written, before validation. Lives only inside one parse; never enters the pipeline model.</summary>
internal sealed class RawState
{
    private readonly Location? _source;
    private LocationInfo? _location;

    /// <param name="method">The [State] method.</param>
    /// <param name="source">Where the method is named; turned into line positions only if a diagnostic needs them.</param>
    public RawState(IMethodSymbol method, Location? source)
    {
        Method = method;
        _source = source;
    }

    public IMethodSymbol Method { get; }

    public string Name => Method.Name;

    /// <summary>Computed on first use: a valid machine reports nothing, and line positions cost more than the rest of a state.</summary>
    public LocationInfo? Location => _location ??= LocationInfo.From(_source);

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
    private readonly SyntaxNode? _source;
    private LocationInfo? _location;

    public RawTransition(LocationInfo? location, int declarationIndex)
    {
        _location = location;
        DeclarationIndex = declarationIndex;
    }

    /// <param name="source">The attribute; turned into line positions only if a diagnostic needs them.</param>
    /// <param name="declarationIndex">The position among the method's [Transition] attributes.</param>
    public RawTransition(SyntaxNode? source, int declarationIndex)
    {
        _source = source;
        DeclarationIndex = declarationIndex;
    }

    /// <summary>Computed on first use, like <see cref="RawState.Location"/>.</summary>
    public LocationInfo? Location => _location ??= LocationInfo.From(_source);

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
