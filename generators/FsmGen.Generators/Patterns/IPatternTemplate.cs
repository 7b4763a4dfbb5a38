using System.Threading;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Patterns;

/// <summary>
/// A pattern: a fixed state graph whose named slots the user's methods fill. A template reads the [Pattern] class
/// (its slot methods, found by their attributes), reports slot problems as FSM0023 through <see cref="SlotRules"/>,
/// and returns the machine to emit, which the generator emits like any hand-written machine. A template may also return
/// a <see cref="PatternPart"/>: more of the class, written by the template itself (the state methods its graph calls,
/// readers and writers of the record type, an entry point).
/// </summary>
internal interface IPatternTemplate
{
    /// <summary>The name used in <c>[Pattern("...")]</c>.</summary>
    string Name { get; }

    /// <summary>Builds the machine (and the template's own part, if any) for <paramref name="type"/>; the model is null when a slot is wrong.</summary>
    PatternResult Build(INamedTypeSymbol type, CancellationToken cancellationToken);
}
