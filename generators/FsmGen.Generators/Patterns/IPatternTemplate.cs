using System.Threading;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// A pattern: a fixed state graph whose named slots the user's methods fill. A template reads the [Pattern] class
/// (its slot methods, found by their attributes), reports slot problems as FSM0023 through <see cref="SlotRules"/>,
/// and returns the machine to emit. The generator validates and emits it like any hand-written machine.
/// </summary>
internal interface IPatternTemplate
{
    /// <summary>The name used in <c>[Pattern("...")]</c>.</summary>
    string Name { get; }

    /// <summary>Builds the machine for <paramref name="type"/>; the model is null when a slot is wrong.</summary>
    MachineResult Build(INamedTypeSymbol type, CancellationToken cancellationToken);
}
