using System.Linq;
using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Emit;
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
/// a machine's model regenerate nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StateMachineGenerator : IIncrementalGenerator
{
    private readonly PatternRegistry _patterns;
    private readonly bool _readAttributesFromSyntax;

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
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var fromSyntax = _readAttributesFromSyntax;
        var machines = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.StateMachineAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                (ctx, ct) => ParseMachine(ctx, fromSyntax, ct))
            .WithTrackingName(TrackingNames.Machines);
        context.RegisterSourceOutput(machines, static (spc, result) => Output(spc, result));

        var patterns = _patterns;
        var patternMachines = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.PatternAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                (ctx, ct) => ParsePattern(ctx, patterns, ct))
            .WithTrackingName(TrackingNames.Patterns);
        context.RegisterSourceOutput(patternMachines, static (spc, result) => OutputPattern(spc, result));
    }

    private static MachineResult ParseMachine(GeneratorAttributeSyntaxContext context, bool readAttributesFromSyntax, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0 || !IsFirstAnnotated(context, KnownNames.StateMachineAttribute))
        {
            return new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        return MachineParser.Parse(type, context.Attributes[0], readAttributesFromSyntax ? context.SemanticModel : null, cancellationToken);
    }

    private static PatternResult ParsePattern(GeneratorAttributeSyntaxContext context, PatternRegistry registry, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0 || !IsFirstAnnotated(context, KnownNames.PatternAttribute))
        {
            return new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var attribute = context.Attributes[0];
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
    /// True for the declaration that carries the type's first such attribute. A partial class that repeats the attribute
    /// on another declaration (CS0579) is matched once per declaration; parsing it once keeps its hint name unique.
    /// </summary>
    private static bool IsFirstAnnotated(GeneratorAttributeSyntaxContext context, string metadataName)
    {
        // One declaration: it is the one matched. Skips binding the type's whole attribute list, which a rerun would
        // otherwise pay for every machine (about a tenth of a rerun in a profile).
        if (context.TargetSymbol.DeclaringSyntaxReferences.Length == 1) return true;
        var first = context.TargetSymbol.GetAttributes().FirstOrDefault(a => AttributeReader.Is(a, metadataName))?.ApplicationSyntaxReference;
        return first is null || (first.SyntaxTree == context.TargetNode.SyntaxTree && context.TargetNode.Span.Contains(first.Span));
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
