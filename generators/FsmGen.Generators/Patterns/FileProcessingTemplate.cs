using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// <c>[Pattern("FileProcessing")]</c>: the class's [Validate], [Filter], [Transform] and [Aggregate] methods, which all
/// take the same record type, become the stages of a per-record data-flow machine
/// (Parse -> [Validate] -> [Filter] -> [Transform] -> [Aggregate] -> Written, with the end states Filtered and Invalid,
/// which emit nothing), and the template writes a typed CSV reader and JSON/CSV writers for the record type plus
/// <c>ProcessAsync</c>, which runs the machine over a file as <c>FileProcessor</c> does.
/// </summary>
internal sealed class FileProcessingTemplate : IPatternTemplate
{
    private static readonly (string Attribute, SlotKind Kind)[] SlotAttributes =
    {
        (FileProcessingNames.ValidateAttribute, SlotKind.Validate),
        (FileProcessingNames.FilterAttribute, SlotKind.Filter),
        (FileProcessingNames.TransformAttribute, SlotKind.Transform),
        (FileProcessingNames.AggregateAttribute, SlotKind.Aggregate),
    };

    public string Name => FileProcessingNames.Pattern;

    public PatternResult Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var classLocation = LocationInfo.From(type.Locations.Length > 0 ? type.Locations[0] : null);
        if (!ClassShape.Check(type, classLocation, diagnostics)) return Fail(diagnostics);

        var slots = SlotFinder.Find(type, SlotAttributes);
        if (slots.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternRecordType, classLocation, FileProcessingNames.Pattern, type.Name,
                "has no [Validate], [Filter], [Transform] or [Aggregate] method, so it has no record type: the parameter of those methods is the record type"));
            return Fail(diagnostics);
        }

        // The first slot method names the record type; every other one must take the same type.
        var first = slots[0].Method;
        var record = first.Parameters.Length > 0 && !TypeNames.IsCancellationToken(first.Parameters[0].Type) ? first.Parameters[0].Type : null;
        if (record is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(first.Locations[0]),
                first.Name, FileProcessingNames.AttributeOf(slots[0].Kind), FileProcessingNames.Pattern, "take the record as its first parameter"));
            return Fail(diagnostics);
        }

        if (record.TypeKind == TypeKind.Error) return Fail(diagnostics); // the compiler reports the unknown type

        var calls = new List<SlotMethod>();
        foreach (var (method, kind) in slots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slot = FileProcessingNames.AttributeOf(kind);
            var call = kind switch
            {
                SlotKind.Validate or SlotKind.Filter => SlotRules.Predicate(method, record, slot, FileProcessingNames.Pattern, diagnostics),
                SlotKind.Transform => SlotRules.Mapping(method, record, slot, FileProcessingNames.Pattern, diagnostics),
                _ => SlotRules.Action(method, record, slot, FileProcessingNames.Pattern, diagnostics),
            };
            if (call is not null) calls.Add(new SlotMethod(kind, call, ReadNamed(method, kind, "Field"), ReadNamed(method, kind, "Reason")));
        }

        if (diagnostics.Count > 0) return Fail(diagnostics);

        var members = FileProcessingRecordShape.Read(record, type.ContainingAssembly, out var problem);
        if (members is null)
        {
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternRecordType, LocationInfo.From(first.Locations[0]), FileProcessingNames.Pattern, type.Name,
                    "cannot read or write record type '" + TypeNames.ForMessage(record) + "': it " + problem));
            }

            return Fail(diagnostics);
        }

        var hierarchy = HierarchyReader.Read(type);
        var recordCode = TypeNames.ForCode(record.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        var part = new FileProcessingPart(hierarchy, recordCode, record.IsReferenceType, members.ToEquatableArray(), calls.ToEquatableArray());
        var machine = FileProcessingGraph.Build(hierarchy, part);
        return new PatternResult(new MachineResult(machine, EquatableArray<DiagnosticInfo>.Empty), part);
    }

    private static PatternResult Fail(List<DiagnosticInfo> diagnostics) => new MachineResult(null, diagnostics.ToEquatableArray());

    private static string? ReadNamed(IMethodSymbol method, SlotKind kind, string name)
    {
        if (kind != SlotKind.Validate) return null;
        var attribute = method.GetAttributes().FirstOrDefault(a => AttributeReader.Is(a, FileProcessingNames.ValidateAttribute));
        return attribute is null ? null : AttributeReader.ReadNamed(attribute, name)?.Value as string;
    }
}
