using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using FsmGen.Generators.Parsing;
using FsmGen.Generators.Patterns;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Tests.Support;

/// <summary>
/// A test-only pattern, <c>[Pattern("Linear")]</c>: the class's <c>[Step(n)]</c> methods (<c>T M(T)</c>) run in order of
/// n, then the class's <c>void Done(T)</c> ends the run. Exercises the template extension point the way a pattern
/// package would: slots checked with <see cref="SlotRules"/>, a data-flow <see cref="MachineModel"/> built from them.
/// </summary>
internal sealed class LinearPatternTemplate : IPatternTemplate
{
    public const string PatternName = "Linear";
    public const string StepSlot = "Step";
    public const string EndMethod = "Done";

    /// <summary>The attribute the user's source declares for the template to find (the template has no runtime type of its own).</summary>
    public const string StepAttributeSource = """
        namespace Demo
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class StepAttribute : System.Attribute
            {
                public StepAttribute(int order) => Order = order;

                public int Order { get; }
            }
        }
        """;

    public string Name => PatternName;

    public PatternResult Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var steps = type.GetMembers()
            .OfType<IMethodSymbol>()
            .Select(method => (Method: method, Order: StepOrder(method)))
            .Where(step => step.Order is not null)
            .OrderBy(step => step.Order)
            .Select(step => step.Method)
            .ToList();
        if (steps.Count == 0) return new MachineResult(null, EquatableArray<DiagnosticInfo>.Empty);

        var record = steps[0].Parameters.Length > 0 ? steps[0].Parameters[0].Type : null;
        if (record is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(steps[0].Locations[0]),
                steps[0].Name, StepSlot, PatternName, "take the record as its first parameter"));
            return new MachineResult(null, diagnostics.ToEquatableArray());
        }

        var calls = steps.Select(step => SlotRules.Mapping(step, record, StepSlot, PatternName, diagnostics)).ToList();
        var end = EndCall(type, record, diagnostics);
        if (diagnostics.Count > 0 || end is null) return new MachineResult(null, diagnostics.ToEquatableArray());

        var states = new List<StateModel>();
        for (var i = 0; i < steps.Count; i++)
        {
            var next = i + 1 < steps.Count ? steps[i + 1].Name : EndMethod;
            var transition = new TransitionModel(next, null, null, 0, null, false, null, null);
            states.Add(new StateModel(steps[i].Name, i == 0, false, true, false, null, calls[i]!, null, new[] { transition }.ToEquatableArray()));
        }

        states.Add(new StateModel(EndMethod, false, true, true, false, null, end, null, EquatableArray<TransitionModel>.Empty));
        var isAllSync = states.All(s => !s.Body.IsAsync);
        var model = new MachineModel(HierarchyReader.Read(type), MachineKind.DataFlow, TypeNames.ForCode(record), null, EquatableArray<string>.Empty,
            ThrowOnUnknownTrigger: true, ThrowOnGuardFailure: true, History: 0, MaxSteps: 100, states.ToEquatableArray(), isAllSync);
        return new MachineResult(model, diagnostics.ToEquatableArray());
    }

    private static int? StepOrder(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "StepAttribute" && attribute.ConstructorArguments is [{ Value: int order }]) return order;
        }

        return null;
    }

    private static MethodCall? EndCall(INamedTypeSymbol type, ITypeSymbol record, List<DiagnosticInfo> diagnostics)
    {
        var candidates = type.GetMembers(EndMethod).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            var location = LocationInfo.From(type.Locations.Length > 0 ? type.Locations[0] : null);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotFound, location, "End state", EndMethod, PatternName, type.Name));
            return null;
        }

        var shape = MethodShape.Describe(candidates[0]);
        if (!shape.IsMalformed && shape.Result is null && shape.DataParameter is not null && TypeNames.SameIgnoringNullability(shape.DataParameter, record))
        {
            return shape.ToCall();
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PatternSlotSignature, LocationInfo.From(candidates[0].Locations[0]),
            EndMethod, "End", PatternName, "take (" + TypeNames.ForMessage(record) + "[, CancellationToken]) and return void, Task or ValueTask"));
        return null;
    }
}
