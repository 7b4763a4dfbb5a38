using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The types that type names in one class declaration's method signatures bind to, learned from the first method that
/// uses each name. A data-flow machine writes the same record type in every state's signature; binding each signature
/// again is most of what describing its methods costs. Non-generic methods of one declaration bind their signature types
/// in the same scope, so one text means one type (nullability annotations can differ with #nullable regions, which
/// neither comparison, by <see cref="SymbolEqualityComparer.Default"/>, nor display without a <c>?</c> can see).
/// </summary>
internal sealed class SignatureTypes
{
    private readonly Dictionary<string, ITypeSymbol> _types = new();

    /// <summary>
    /// A signature the shape rules can read from syntax: not generic, not partial, no ref return, at most two parameters,
    /// none with a modifier (ref, out, in, params, this, scoped). Other signatures are described through the symbol.
    /// </summary>
    public static bool IsPlain(MethodDeclarationSyntax syntax)
    {
        if (syntax.TypeParameterList is not null || syntax.ReturnType is RefTypeSyntax || syntax.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
        var parameters = syntax.ParameterList.Parameters;
        if (parameters.Count > 2) return false;
        foreach (var parameter in parameters)
        {
            if (parameter.Modifiers.Count > 0 || parameter.Type is null) return false;
        }

        return true;
    }

    /// <summary>The bound types of a plain signature's parameters and return type (null for void), when every name was seen.</summary>
    public bool TryGet(MethodDeclarationSyntax syntax, out ITypeSymbol[] parameters, out ITypeSymbol? returnType)
    {
        returnType = null;
        parameters = new ITypeSymbol[syntax.ParameterList.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!_types.TryGetValue(syntax.ParameterList.Parameters[i].Type!.ToString(), out parameters[i])) return false;
        }

        return IsVoid(syntax) || _types.TryGetValue(syntax.ReturnType.ToString(), out returnType);
    }

    /// <summary>Learns the types of a plain signature from its bound method.</summary>
    public void Remember(MethodDeclarationSyntax syntax, IMethodSymbol method)
    {
        var parameters = syntax.ParameterList.Parameters;
        if (method.Parameters.Length != parameters.Count) return;
        for (var i = 0; i < parameters.Count; i++) _types[parameters[i].Type!.ToString()] = method.Parameters[i].Type;
        if (!IsVoid(syntax)) _types[syntax.ReturnType.ToString()] = method.ReturnType;
    }

    public static bool IsVoid(MethodDeclarationSyntax syntax) => syntax.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
}
