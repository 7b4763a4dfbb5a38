using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using FsmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// <c>[Pattern("Etl")]</c>: the class's [Validate], [Transform] and [Enrich] methods (of FsmGen.Patterns.Etl), which all
/// take the same record type, become the stages of a per-record data-flow machine
/// (Extract -> [Validate] -> [Transform] -> [Enrich] -> Load -> Complete, with the end states Rejected and Error, which
/// emit nothing), and the template writes a typed reader of database rows (by column ordinal), a typed binary COPY writer
/// (an NpgsqlDbType per member, chosen here) and SQLite parameter writer for the record type, plus <c>CreateEtl</c>,
/// which runs the machine over a source as <c>DatabaseEtl</c> does.
/// </summary>
internal sealed class EtlTemplate : IPatternTemplate
{
    private static readonly (string Attribute, EtlSlotKind Kind)[] SlotAttributes =
    {
        (EtlNames.ValidateAttribute, EtlSlotKind.Validate),
        (EtlNames.TransformAttribute, EtlSlotKind.Transform),
        (EtlNames.EnrichAttribute, EtlSlotKind.Enrich),
    };

    public string Name => EtlNames.Pattern;

    public PatternResult Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var classLocation = LocationInfo.From(type.Locations.Length > 0 ? type.Locations[0] : null);
        if (!ClassShape.Check(type, classLocation, diagnostics)) return Fail(diagnostics);

        var slots = SlotFinder.Find(type, SlotAttributes);
        if (slots.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternRecordType, classLocation, EtlNames.Pattern, type.Name,
                "has no [Validate], [Transform] or [Enrich] method (of FsmGen.Patterns.Etl), so it has no record type: the parameter of those methods is the record type"));
            return Fail(diagnostics);
        }

        // The first slot method names the record type; every other one must take the same type.
        var first = slots[0].Method;
        var record = first.Parameters.Length > 0 && !TypeNames.IsCancellationToken(first.Parameters[0].Type) ? first.Parameters[0].Type : null;
        if (record is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(first.Locations[0]),
                first.Name, EtlNames.AttributeOf(slots[0].Kind), EtlNames.Pattern, "take the record as its first parameter"));
            return Fail(diagnostics);
        }

        if (record.TypeKind == TypeKind.Error) return Fail(diagnostics); // the compiler reports the unknown type

        var calls = new List<EtlSlot>();
        foreach (var (method, kind) in slots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slot = EtlNames.AttributeOf(kind);
            var call = kind == EtlSlotKind.Validate
                ? SlotRules.Predicate(method, record, slot, EtlNames.Pattern, diagnostics)
                : SlotRules.Mapping(method, record, slot, EtlNames.Pattern, diagnostics);
            if (call is not null) calls.Add(new EtlSlot(kind, call, ReadNamed(method, kind, "Field"), ReadNamed(method, kind, "Reason")));
        }

        if (diagnostics.Count > 0) return Fail(diagnostics);

        var members = EtlRecordShape.Read(record, type.ContainingAssembly, out var problem);
        if (members is null)
        {
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternRecordType, LocationInfo.From(first.Locations[0]), EtlNames.Pattern, type.Name,
                    "cannot read or load record type '" + TypeNames.ForMessage(record) + "': it " + problem));
            }

            return Fail(diagnostics);
        }

        var hierarchy = HierarchyReader.Read(type);
        var recordCode = TypeNames.ForCode(record.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
        var part = new EtlPart(hierarchy, recordCode, record.IsReferenceType, members.ToEquatableArray(), calls.ToEquatableArray());
        var machine = EtlGraph.Build(hierarchy, part);
        return new PatternResult(new MachineResult(machine, EquatableArray<DiagnosticInfo>.Empty), part);
    }

    private static PatternResult Fail(List<DiagnosticInfo> diagnostics) => new MachineResult(null, diagnostics.ToEquatableArray());

    private static string? ReadNamed(IMethodSymbol method, EtlSlotKind kind, string name)
    {
        if (kind != EtlSlotKind.Validate) return null;
        var attribute = method.GetAttributes().FirstOrDefault(a => AttributeReader.Is(a, EtlNames.ValidateAttribute));
        return attribute is null ? null : AttributeReader.ReadNamed(attribute, name)?.Value as string;
    }
}
