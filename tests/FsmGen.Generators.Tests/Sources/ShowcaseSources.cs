using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>The showcase's Door (read from the sample itself, so the two cannot drift): event-driven, a guard and an exit action.</summary>
    public static readonly string Door = Showcase("Door.cs");

    /// <summary>The showcase's OrderPipeline: data-flow, a guarded priority transition, a transform, a non-emitting end.</summary>
    public static readonly string OrderPipeline = Showcase("OrderPipeline.cs");

    // The sample compiles with implicit usings; the test compilation has none.
    private static string Showcase(string file) =>
        "using System;\n" + File.ReadAllText(System.IO.Path.Combine(ProjectDirectory.Path, "..", "..", "samples", "FsmGen.Showcase", file));
}
