namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>A machine nested in a partial record nested in a partial class, in a file-scoped namespace.</summary>
    public const string Nested = """
        using FsmGen;

        namespace Demo.Workflows;

        public static partial class Approvals
        {
            public sealed record Request(string Who, decimal Amount, bool Approved);

            internal partial record Policies
            {
                [StateMachine]
                public partial class Approval
                {
                    [State(Start = true)]
                    [Transition(To = nameof(AutoApproved), When = nameof(IsSmall))]
                    [Transition(To = nameof(Review))]
                    private static Request Submitted(Request request) => request;

                    [State]
                    [Transition(To = nameof(AutoApproved))]
                    private static Request Review(Request request) => request with { Approved = request.Amount < 1000m };

                    [State(End = true)]
                    private static Request AutoApproved(Request request) => request with { Approved = true };

                    private static bool IsSmall(Request request) => request.Amount < 10m;
                }
            }
        }
        """;
}
