using FsmGen.Generators.Tests.Support;

namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>A <c>[Pattern("Linear")]</c> class for the test-only template: steps declared out of order, chained by their number.</summary>
    public const string LinearPattern = """
        using FsmGen;

        namespace Demo;

        public sealed record Job(string Trace);

        [Pattern("Linear")]
        public partial class Pipeline
        {
            [Step(3)]
            private static Job Enrich(Job job) => job with { Trace = job.Trace + "e" };

            [Step(1)]
            private static Job Parse(Job job) => job with { Trace = job.Trace + "p" };

            [Step(2)]
            private static Job Validate(Job job) => job with { Trace = job.Trace + "v" };

            private static void Done(Job job) { }
        }
        """;

    /// <summary>The source the pattern needs beside it: the <c>[Step]</c> attribute.</summary>
    public const string StepAttribute = LinearPatternTemplate.StepAttributeSource;
}
