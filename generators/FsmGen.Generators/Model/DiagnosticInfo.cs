using System.Linq;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Model;

/// <summary>A diagnostic as plain values: descriptor id, location and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Diagnostics.DiagnosticDescriptors.ById(Id),
        Location?.ToLocation(),
        Arguments.Cast<object>().ToArray());
}
