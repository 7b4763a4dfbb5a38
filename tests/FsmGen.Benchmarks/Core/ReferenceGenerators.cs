using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Benchmarks.Core;

/// <summary>
/// Floors for <see cref="CoreGeneratorBenchmarks"/> (not generators of this project, and not registered as analyzers):
/// what any generator built on <c>ForAttributeWithMetadataName("FsmGen.StateMachineAttribute")</c> pays on a rerun,
/// since Roslyn re-runs that provider's transform for every matched class whenever the compilation changes.
/// </summary>
internal sealed class ReferenceGenerator : IIncrementalGenerator
{
    private readonly bool _bindMethodAttributes;

    /// <param name="bindMethodAttributes">
    /// False: the transform only returns the class name (Roslyn's own matching and binding of the class attribute).
    /// True: it also reads every method's attributes and their named arguments through symbols
    /// (<see cref="ISymbol.GetAttributes"/>), the binding a symbol-based parser of [State]/[Transition] cannot avoid.
    /// </param>
    public ReferenceGenerator(bool bindMethodAttributes) => _bindMethodAttributes = bindMethodAttributes;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var bind = _bindMethodAttributes;
        var values = context.SyntaxProvider.ForAttributeWithMetadataName(
            "FsmGen.StateMachineAttribute",
            static (node, _) => node is ClassDeclarationSyntax,
            (ctx, _) => bind ? ctx.TargetSymbol.Name + ":" + BindMethodAttributes((INamedTypeSymbol)ctx.TargetSymbol) : ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(values, static (_, _) => { });
    }

    private static int BindMethodAttributes(INamedTypeSymbol type)
    {
        var count = 0;
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method) continue;
            foreach (var attribute in method.GetAttributes())
            {
                count++;
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Value.Value is not null) count++;
                }
            }
        }

        return count;
    }
}
