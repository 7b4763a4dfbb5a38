using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Emit;
using FsmGen.Generators.Incremental;
using FsmGen.Generators.Model;
using FsmGen.Generators.Parsing;
using FsmGen.Generators.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FsmGen.Generators;

/// <summary>
/// Finds [StateMachine] and [Pattern] classes, validates their graphs, and emits their executors.
/// Parse (symbols -> equatable model) and emit (model -> text) are separate steps so that edits that do not change
/// a machine's model regenerate nothing; parse results are reused across runs while no edit can have changed them
/// (<see cref="ResultCache{TResult}"/>), so an edit elsewhere binds nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StateMachineGenerator : IIncrementalGenerator
{
    private readonly PatternRegistry _patterns;
    private readonly bool _readAttributesFromSyntax;
    private readonly SnapshotCache _snapshots;
    private readonly ResultCache<MachineResult> _machineResults;
    private readonly ResultCache<PatternResult> _patternResults;

    /// <summary>Creates the generator with the templates that ship with it.</summary>
    public StateMachineGenerator()
        : this(PatternRegistry.Default)
    {
    }

    /// <param name="patterns">The pattern templates.</param>
    /// <param name="readAttributesFromSyntax">
    /// False reads every method attribute through symbols, the reference the syntax reader is tested against.
    /// </param>
    internal StateMachineGenerator(PatternRegistry patterns, bool readAttributesFromSyntax = true)
    {
        _patterns = patterns;
        _readAttributesFromSyntax = readAttributesFromSyntax;
        _snapshots = new SnapshotCache();
        _machineResults = new ResultCache<MachineResult>(_snapshots);
        _patternResults = new ResultCache<PatternResult>(_snapshots);
    }

    /// <summary>How many classes the last runs of this instance parsed rather than reused: for tests.</summary>
    internal int Parses => _machineResults.Parses + _patternResults.Parses;

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var fromSyntax = _readAttributesFromSyntax;
        var machineResults = _machineResults;
        var snapshots = _snapshots;

        var machines = AnnotatedClasses.Named(context, snapshots, "StateMachine")
            .Combine(context.CompilationProvider)
            .Select((pair, ct) => machineResults.GetOrParse(pair.Left, pair.Right, () => ParseMachine(pair.Left, pair.Right, fromSyntax, ct), ct))
            .WithTrackingName(TrackingNames.Machines);
        context.RegisterSourceOutput(machines, static (spc, result) => Output(spc, result));

        var patterns = _patterns;
        var patternResults = _patternResults;
        var patternMachines = AnnotatedClasses.Named(context, snapshots, "Pattern")
            .Combine(context.CompilationProvider)
            .Select((pair, ct) => patternResults.GetOrParse(pair.Left, pair.Right, () => ParsePattern(pair.Left, pair.Right, patterns, ct), ct))
            .WithTrackingName(TrackingNames.Patterns);
        context.RegisterSourceOutput(patternMachines, static (spc, result) => OutputPattern(spc, result));
    }

    private static ParsedClass<MachineResult> ParseMachine(ClassDeclarationSyntax node, Compilation compilation, bool readAttributesFromSyntax, CancellationToken cancellationToken)
    {
        var semanticModel = compilation.GetSemanticModel(node.SyntaxTree);
        if (semanticModel.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol type)
        {
            return Parsed(new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty), node, null, compilation);
        }

        var attribute = FirstOnDeclaration(type, node, KnownNames.StateMachineAttribute, cancellationToken);
        if (attribute is null || !IsFirstAnnotated(type, node, KnownNames.StateMachineAttribute))
        {
            return Parsed(new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty), node, type, compilation);
        }

        return Parsed(MachineParser.Parse(type, attribute, readAttributesFromSyntax ? semanticModel : null, cancellationToken), node, type, compilation);
    }

    private static ParsedClass<PatternResult> ParsePattern(ClassDeclarationSyntax node, Compilation compilation, PatternRegistry registry, CancellationToken cancellationToken)
    {
        var type = compilation.GetSemanticModel(node.SyntaxTree).GetDeclaredSymbol(node, cancellationToken) as INamedTypeSymbol;
        var result = type is null ? new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty) : ParsePattern(type, node, registry, cancellationToken);
        return Parsed(result, node, type, compilation);
    }

    private static PatternResult ParsePattern(INamedTypeSymbol type, ClassDeclarationSyntax node, PatternRegistry registry, CancellationToken cancellationToken)
    {
        var attribute = FirstOnDeclaration(type, node, KnownNames.PatternAttribute, cancellationToken);
        if (attribute is null || !IsFirstAnnotated(type, node, KnownNames.PatternAttribute))
        {
            return new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (name is null) return new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty); // half-typed: the compiler reports it

        if (type.GetAttributes().Any(a => AttributeReader.Is(a, KnownNames.StateMachineAttribute)))
        {
            // Both pipelines would emit the same file: the [StateMachine] one does, and the [Pattern] is reported.
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedClassShape, location, type.Name, "both a [StateMachine] and a [Pattern]");
            return new MachineResult(null, new[] { diagnostic }.ToEquatableArray());
        }

        if (!registry.Templates.TryGetValue(name, out var template))
        {
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnknownPattern, location, name, type.Name, registry.KnownNames);
            return new MachineResult(null, new[] { diagnostic }.ToEquatableArray());
        }

        return template.Build(type, cancellationToken);
    }

    /// <summary>
    /// The result, with the trees it was read from: every tree that declares the class, and every tree its diagnostics
    /// point into (a location is a span in one version of a file). A change affecting any of them invalidates it.
    /// </summary>
    private static ParsedClass<MachineResult> Parsed(MachineResult result, ClassDeclarationSyntax node, INamedTypeSymbol? type, Compilation compilation) =>
        new(result, TreesOf(result, node, type, compilation));

    private static ParsedClass<PatternResult> Parsed(PatternResult result, ClassDeclarationSyntax node, INamedTypeSymbol? type, Compilation compilation) =>
        new(result, TreesOf(result.Machine, node, type, compilation));

    private static HashSet<SyntaxTree> TreesOf(MachineResult result, ClassDeclarationSyntax node, INamedTypeSymbol? type, Compilation compilation)
    {
        var trees = new HashSet<SyntaxTree> { node.SyntaxTree };
        if (type is not null)
        {
            foreach (var reference in type.DeclaringSyntaxReferences) trees.Add(reference.SyntaxTree);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Location is not { } location || trees.Any(tree => tree.FilePath == location.FilePath)) continue;
            trees.UnionWith(compilation.SyntaxTrees.Where(tree => tree.FilePath == location.FilePath));
        }

        return trees;
    }

    /// <summary>The first attribute written on this declaration that binds to <paramref name="metadataName"/>.</summary>
    private static AttributeData? FirstOnDeclaration(INamedTypeSymbol type, ClassDeclarationSyntax node, string metadataName, CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == node.SyntaxTree
                && node.Span.Contains(reference.Span) && AttributeReader.Is(attribute, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// True for the declaration that carries the type's first such attribute. A partial class that repeats the attribute
    /// on another declaration (CS0579) is matched once per declaration; parsing it once keeps its hint name unique.
    /// </summary>
    private static bool IsFirstAnnotated(INamedTypeSymbol type, ClassDeclarationSyntax node, string metadataName)
    {
        if (type.DeclaringSyntaxReferences.Length == 1) return true;
        var first = type.GetAttributes().FirstOrDefault(a => AttributeReader.Is(a, metadataName))?.ApplicationSyntaxReference;
        return first is null || (first.SyntaxTree == node.SyntaxTree && node.Span.Contains(first.Span));
    }

    /// <summary>The machine of a [Pattern] class, and the template's own part of the class when the machine is emitted.</summary>
    private static void OutputPattern(SourceProductionContext context, PatternResult result)
    {
        Output(context, result.Machine);
        if (result.Machine.Model is not null && result.Part is { } part)
        {
            context.AddSource(part.HintName, SourceText.From(part.Emit(), System.Text.Encoding.UTF8));
        }
    }

    private static void Output(SourceProductionContext context, MachineResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is { } model)
        {
            context.AddSource(model.Hierarchy.FullMetadataName.Replace('+', '.') + ".g.cs", SourceText.From(MachineEmitter.Emit(model), System.Text.Encoding.UTF8));
        }
    }
}
