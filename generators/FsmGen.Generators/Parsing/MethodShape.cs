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

    public static MethodShape Describe(IMethodSymbol method)
    {
        if (IsPlainVoid(method)) return new MethodShape(method, null, takesCancellation: false, Awaitable.None, result: null, malformed: false);

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
    /// True for a method written <c>void Name()</c>: its shape needs no binding. Asking the symbol for its parameters binds
    /// the whole signature, which for event-driven machines (all entry and exit actions look like this) is most of the
    /// cost of a rerun that follows an unrelated edit.
    /// </summary>
    private static bool IsPlainVoid(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Length == 1
        && method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax
        {
            TypeParameterList: null,
            ParameterList.Parameters.Count: 0,
            ReturnType: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword },
        };

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
