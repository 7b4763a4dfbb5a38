using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// What one syntax tree can do to the binding of other trees, and what it can be affected by, read from syntax alone:
/// the names it declares (types at every nesting level, using aliases), the namespaces it declares, the names it uses,
/// and whether it has compilation-wide effects (global usings, assembly or module attributes).
/// A tree is immutable, so this is read once per tree.
/// </summary>
internal sealed class TreeNames
{
    private const string AttributeSuffix = "Attribute";

    private TreeNames(HashSet<string> declared, HashSet<string> used, List<string> namespaces, bool hasCompilationWideEffects)
    {
        Declared = declared;
        Used = used;
        Namespaces = namespaces;
        HasCompilationWideEffects = hasCompilationWideEffects;
    }

    /// <summary>
    /// Every type and alias name the tree declares; a name ending in <c>Attribute</c> also without the suffix, since
    /// <c>[State]</c> binds to <c>StateAttribute</c>.
    /// </summary>
    public HashSet<string> Declared { get; }

    /// <summary>Every identifier written in the tree: any of them may bind to a declaration in another tree.</summary>
    public HashSet<string> Used { get; }

    /// <summary>The full names of the namespaces the tree declares, with every prefix (<c>A</c>, <c>A.B</c>), once per declaration.</summary>
    public List<string> Namespaces { get; }

    /// <summary>A global using or an assembly or module attribute: a change here may affect every tree.</summary>
    public bool HasCompilationWideEffects { get; }

    public static TreeNames Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var declared = new HashSet<string>(System.StringComparer.Ordinal);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        var namespaces = new List<string>();
        var wide = false;

        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)) used.Add(token.ValueText);
        }

        foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case BaseTypeDeclarationSyntax type:
                    Declare(declared, type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    Declare(declared, @delegate.Identifier.ValueText);
                    break;
                case UsingDirectiveSyntax @using:
                    if (@using.Alias is { } alias) Declare(declared, alias.Name.Identifier.ValueText);
                    wide |= @using.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                    break;
                case AttributeListSyntax { Target: { } target } when node.Parent is CompilationUnitSyntax:
                    wide |= target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) || target.Identifier.IsKind(SyntaxKind.ModuleKeyword);
                    break;
                case BaseNamespaceDeclarationSyntax @namespace:
                    AddNamespace(namespaces, @namespace);
                    break;
                case GlobalStatementSyntax:
                    // Top-level statements declare a Program class that no syntax names.
                    declared.Add("Program");
                    break;
            }
        }

        return new TreeNames(declared, used, namespaces, wide);
    }

    private static void Declare(HashSet<string> declared, string name)
    {
        declared.Add(name);
        if (name.Length > AttributeSuffix.Length && name.EndsWith(AttributeSuffix, System.StringComparison.Ordinal))
        {
            declared.Add(name.Substring(0, name.Length - AttributeSuffix.Length));
        }
    }

    private static void AddNamespace(List<string> namespaces, BaseNamespaceDeclarationSyntax declaration)
    {
        // The full name includes the enclosing namespace declarations: namespace A { namespace B.C { } } declares A.B.C.
        var prefix = "";
        for (var outer = declaration.Parent; outer is not null; outer = outer.Parent)
        {
            if (outer is BaseNamespaceDeclarationSyntax enclosing)
            {
                prefix = Dotted(enclosing.Name) + "." + prefix;
            }
        }

        var full = prefix + Dotted(declaration.Name);
        var start = prefix.Length;
        for (var dot = full.IndexOf('.', start); dot >= 0; dot = full.IndexOf('.', dot + 1))
        {
            namespaces.Add(full.Substring(0, dot));
        }

        namespaces.Add(full);
    }

    /// <summary><c>A . B</c> as <c>A.B</c>: the identifiers alone, so that spacing cannot make one namespace look like two.</summary>
    private static string Dotted(NameSyntax name)
    {
        var parts = new List<string>();
        foreach (var token in name.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)) parts.Add(token.ValueText);
        }

        return string.Join(".", parts);
    }
}
