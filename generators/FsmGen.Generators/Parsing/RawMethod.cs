using FsmGen.Generators.Model;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// What one method's attributes declare: a state (read from its first [State]), or, on a method without [State], whether
/// it has a [Transition] anyway and where the first one is. Lives only inside one parse.
/// </summary>
internal sealed record RawMethod(RawState? State, bool HasStrayTransition, LocationInfo? StrayTransition)
{
    /// <summary>A method that declares nothing the generator reads.</summary>
    public static RawMethod None { get; } = new(null, false, null);

    public static RawMethod Of(RawState state) => new(state, false, null);

    public static RawMethod Stray(LocationInfo? transition) => new(null, true, transition);
}
