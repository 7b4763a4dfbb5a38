using System;
using System.Linq;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// Finds, from syntax alone, the class declarations that may carry a given attribute: an attribute whose written name
/// is the attribute's (with or without the <c>Attribute</c> suffix, qualified or not) or any using alias in the
/// compilation. Which of them really bind to the attribute is decided by the parse, on a cache miss.
/// <para>
/// Why not <c>ForAttributeWithMetadataName</c>: it binds every matched class and its attributes again whenever the
/// compilation changes, before any cache of ours can answer. Matching on names keeps a rerun after an unrelated edit
/// free of binding; it only over-matches (an alias named like any other), which the parse then rejects.
/// </para>
/// </summary>
internal static class AnnotatedClasses
{
    /// <summary>Every class declaration with at least one attribute, with the compilation's using alias names.</summary>
    public static IncrementalValuesProvider<(ClassDeclarationSyntax Node, EquatableArray<string> Aliases)> Candidates(IncrementalGeneratorInitializationContext context)
    {
        var aliases = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is UsingDirectiveSyntax { Alias: not null },
                static (syntax, _) => ((UsingDirectiveSyntax)syntax.Node).Alias!.Name.Identifier.ValueText)
            .Collect()
            .Select(static (names, _) => names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());

        return context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { AttributeLists.Count: > 0 },
                static (syntax, _) => (ClassDeclarationSyntax)syntax.Node)
            .Combine(aliases);
    }

    /// <summary>The candidates with an attribute written as <paramref name="simpleName"/> (or <c>{simpleName}Attribute</c>) or as an alias.</summary>
    public static IncrementalValuesProvider<ClassDeclarationSyntax> Named(
        IncrementalValuesProvider<(ClassDeclarationSyntax Node, EquatableArray<string> Aliases)> candidates,
        string simpleName)
    {
        var suffixed = simpleName + "Attribute";
        return candidates
            .Where(candidate => candidate.Node.AttributeLists.Any(list => list.Attributes.Any(attribute =>
                WrittenName(attribute.Name) is var name && (name == simpleName || name == suffixed || candidate.Aliases.Contains(name)))))
            .Select(static (candidate, _) => candidate.Node);
    }

    /// <summary>The rightmost identifier of an attribute's name: <c>StateMachine</c> in <c>[FsmGen.StateMachine]</c>.</summary>
    private static string WrittenName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => "",
    };
}
