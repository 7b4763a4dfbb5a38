using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// The shape of a user method reduced to what the rules care about: an optional record parameter, an optional trailing
/// CancellationToken, and what it returns (unwrapped from Task/ValueTask).
/// </summary>
internal sealed class MethodShape
{
    private MethodShape(IMethodSymbol method, ITypeSymbol? dataParameter, bool takesCancellation, Awaitable awaitable, ITypeSymbol? result, bool malformed)
    {
        Method = method;
        DataParameter = dataParameter;
        TakesCancellation = takesCancellation;
        Awaitable = awaitable;
        Result = result;
        IsMalformed = malformed;
    }

    public IMethodSymbol Method { get; }

    public ITypeSymbol? DataParameter { get; }

    public bool TakesCancellation { get; }

    public Awaitable Awaitable { get; }

    /// <summary>The value produced (T of T, Task&lt;T&gt;, ValueTask&lt;T&gt;), or null for void/Task/ValueTask.</summary>
    public ITypeSymbol? Result { get; }

    /// <summary>Generic, ref parameters, too many parameters or a parameter order the generator cannot call.</summary>
    public bool IsMalformed { get; }

    public bool ReturnsBool => Result?.SpecialType == SpecialType.System_Boolean;

    /// <summary>
    /// Describes a method. With <paramref name="scopes"/>, a plain signature (<see cref="SignatureTypes.IsPlain"/>) is read
    /// from syntax with types its declaration already bound for another method; the first method to use a type name is
    /// bound, and teaches the declaration its types.
    /// </summary>
    public static MethodShape Describe(IMethodSymbol method, DeclarationScopes? scopes = null)
    {
        var syntax = method.DeclaringSyntaxReferences.Length == 1 ? method.DeclaringSyntaxReferences[0].GetSyntax() as MethodDeclarationSyntax : null;
        if (syntax is null || !SignatureTypes.IsPlain(syntax)) return FromSymbol(method);

        if (scopes is null || syntax.Parent is not TypeDeclarationSyntax declaration) return FromSymbol(method);
        if (scopes.Shapes.TryGetValue(method, out var known)) return known;
        known = DescribePlain(method, syntax, scopes.For(declaration, syntax).Signatures);
        scopes.Shapes[method] = known;
        return known;
    }

    private static MethodShape DescribePlain(IMethodSymbol method, MethodDeclarationSyntax syntax, SignatureTypes signatures)
    {

        // void Name(): nothing to bind at all (every entry and exit action of an event-driven machine looks like this).
        var isVoid = SignatureTypes.IsVoid(syntax);
        if (isVoid && syntax.ParameterList.Parameters.Count == 0) return new MethodShape(method, null, takesCancellation: false, Awaitable.None, result: null, malformed: false);

        if (signatures.TryGet(syntax, out var parameters, out var returnType)) return FromTypes(method, parameters, returnType, isVoid);

        var shape = FromSymbol(method);
        signatures.Remember(syntax, method);
        return shape;
    }

    private static MethodShape FromSymbol(IMethodSymbol method)
    {
        var malformed = method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || method.Parameters.Length > 2;
        ITypeSymbol? data = null;
        var takesCancellation = false;
        for (var i = 0; i < method.Parameters.Length && !malformed; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None || parameter.IsParams) malformed = true;
            else if (TypeNames.IsCancellationToken(parameter.Type))
            {
                if (i != method.Parameters.Length - 1) malformed = true;
                takesCancellation = true;
            }
            else if (i == 0) data = parameter.Type;
            else malformed = true;
        }

        var (awaitable, result) = Unwrap(method.ReturnType, method.ReturnsVoid);
        return new MethodShape(method, data, takesCancellation, awaitable, result, malformed);
    }

    /// <summary>
    /// <see cref="FromSymbol"/> for a plain signature (<see cref="SignatureTypes.IsPlain"/>) whose types are known: no
    /// generic, by-ref, ref, params or third parameter can make it malformed, only the order of its parameters.
    /// </summary>
    private static MethodShape FromTypes(IMethodSymbol method, ITypeSymbol[] parameters, ITypeSymbol? returnType, bool returnsVoid)
    {
        var malformed = false;
        ITypeSymbol? data = null;
        var takesCancellation = false;
        for (var i = 0; i < parameters.Length && !malformed; i++)
        {
            if (TypeNames.IsCancellationToken(parameters[i]))
            {
                if (i != parameters.Length - 1) malformed = true;
                takesCancellation = true;
            }
            else if (i == 0) data = parameters[i];
            else malformed = true;
        }

        var (awaitable, result) = returnsVoid ? (Awaitable.None, null) : Unwrap(returnType!, returnsVoid: false);
        return new MethodShape(method, data, takesCancellation, awaitable, result, malformed);
    }

    public MethodCall ToCall() => new(Method.Name, DataParameter is not null, TakesCancellation, Awaitable, Result is not null);

    private static (Awaitable, ITypeSymbol?) Unwrap(ITypeSymbol returnType, bool returnsVoid)
    {
        if (returnsVoid) return (Awaitable.None, null);
        if (returnType is INamedTypeSymbol { ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System" } } } } named)
        {
            if (named.Name == "Task") return (Awaitable.Task, named.TypeArguments.Length == 1 ? named.TypeArguments[0] : null);
            if (named.Name == "ValueTask") return (Awaitable.ValueTask, named.TypeArguments.Length == 1 ? named.TypeArguments[0] : null);
        }

        return (Awaitable.None, returnType);
    }
}
