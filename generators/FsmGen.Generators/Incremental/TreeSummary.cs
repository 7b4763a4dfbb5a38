using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FsmGen.Generators.Incremental;

/// <summary>
/// What the generator needs to know of one syntax tree without binding it, read in one walk over its declarations
/// (namespaces and types, never member bodies):
/// <list type="bullet">
/// <item>the class declarations that carry attributes, with the names their attributes are written with;</item>
/// <item>the using alias names it declares (an alias may name [StateMachine]);</item>
/// <item>what it can change in other trees: the type and alias names it declares, the namespaces it declares, and
/// whether it has compilation-wide effects (global usings, assembly or module attributes).</item>
/// </list>
/// A tree is immutable, so this is read once per tree.
/// </summary>
internal sealed class TreeSummary
{
    private const string AttributeSuffix = "Attribute";

    private TreeSummary()
    {
    }

    /// <summary>Class declarations with at least one attribute, and each one's written attribute names (<see cref="WrittenName"/>).</summary>
    public List<(ClassDeclarationSyntax Node, string[] AttributeNames)> AttributedClasses { get; } = new();

    /// <summary>The names of the using aliases the tree declares.</summary>
    public List<string> Aliases { get; } = new();

    /// <summary>
    /// Every type and alias name the tree declares; a name ending in <c>Attribute</c> also without the suffix, since
    /// <c>[State]</c> binds to <c>StateAttribute</c>.
    /// </summary>
    public HashSet<string> Declared { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The full names of the namespaces the tree declares, with every prefix (<c>A</c>, <c>A.B</c>), once per declaration.</summary>
    public List<string> Namespaces { get; } = new();

    /// <summary>The text may write a name in a form a plain search misses (<see cref="TreeText.MayHideNames"/>).</summary>
    public bool MayHideNames { get; private set; }

    /// <summary>A global using or an assembly or module attribute: a change here may affect every tree.</summary>
    public bool HasCompilationWideEffects { get; private set; }

    public static TreeSummary Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var summary = new TreeSummary();
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        summary.ReadUsings(root.Usings);
        foreach (var list in root.AttributeLists)
        {
            if (list.Target is { } target && (target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) || target.Identifier.IsKind(SyntaxKind.ModuleKeyword)))
            {
                summary.HasCompilationWideEffects = true;
            }
        }

        summary.ReadMembers(root.Members, "", cancellationToken);
        summary.MayHideNames = TreeText.MayHideNames(tree, cancellationToken);
        return summary;
    }

    /// <summary>The rightmost identifier of an attribute's name: <c>StateMachine</c> in <c>[FsmGen.StateMachine]</c>.</summary>
    public static string WrittenName(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => "",
    };

    private void ReadUsings(SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            HasCompilationWideEffects |= directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
            if (directive.Alias is { } alias)
            {
                Aliases.Add(alias.Name.Identifier.ValueText);
                Declare(alias.Name.Identifier.ValueText);
            }
        }
    }

    private void ReadMembers(SyntaxList<MemberDeclarationSyntax> members, string namespacePrefix, CancellationToken cancellationToken)
    {
        foreach (var member in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax @namespace:
                    var full = namespacePrefix + Dotted(@namespace.Name);
                    AddNamespace(full, namespacePrefix.Length);
                    ReadUsings(@namespace.Usings);
                    ReadMembers(@namespace.Members, full + ".", cancellationToken);
                    break;
                case TypeDeclarationSyntax type:
                    Declare(type.Identifier.ValueText);
                    if (type is ClassDeclarationSyntax { AttributeLists.Count: > 0 } @class) AttributedClasses.Add((@class, AttributeNames(@class)));
                    ReadMembers(type.Members, namespacePrefix, cancellationToken);
                    break;
                case EnumDeclarationSyntax @enum:
                    Declare(@enum.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    Declare(@delegate.Identifier.ValueText);
                    break;
                case GlobalStatementSyntax:
                    // Top-level statements declare a Program class that no syntax names.
                    Declared.Add("Program");
                    break;
            }
        }
    }

    private static string[] AttributeNames(ClassDeclarationSyntax node)
    {
        var names = new List<string>();
        foreach (var list in node.AttributeLists)
        {
            foreach (var attribute in list.Attributes) names.Add(WrittenName(attribute.Name));
        }

        return names.ToArray();
    }

    private void Declare(string name)
    {
        Declared.Add(name);
        if (name.Length > AttributeSuffix.Length && name.EndsWith(AttributeSuffix, System.StringComparison.Ordinal))
        {
            Declared.Add(name.Substring(0, name.Length - AttributeSuffix.Length));
        }
    }

    /// <summary>Adds <c>A.B.C</c> and its prefixes from <paramref name="firstNew"/> on (the enclosing ones are added by their own declaration).</summary>
    private void AddNamespace(string full, int firstNew)
    {
        for (var dot = full.IndexOf('.', firstNew); dot >= 0; dot = full.IndexOf('.', dot + 1))
        {
            Namespaces.Add(full.Substring(0, dot));
        }

        Namespaces.Add(full);
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
