namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Data-flow with ValueTask and Task states, guards and a transform, some taking a CancellationToken.</summary>
    public const string AsyncDataFlow = """
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;

        namespace Demo;

        public sealed record Document(string Path, string? Text, int Words);

        [StateMachine]
        public partial class Indexer
        {
            [State(Start = true)]
            [Transition(To = nameof(Skipped), When = nameof(IsCachedAsync), Priority = 1)]
            [Transition(To = nameof(Counted), Transform = nameof(TrimAsync))]
            private static async ValueTask<Document> Load(Document document, CancellationToken cancellationToken)
            {
                await Task.Delay(0, cancellationToken);
                return document with { Text = "hello world" };
            }

            [State]
            [Transition(To = nameof(Stored), When = nameof(HasWords))]
            [Transition(To = nameof(Skipped))]
            private static Task<Document> Counted(Document document) =>
                Task.FromResult(document with { Words = (document.Text ?? "").Split(' ').Length });

            [State(End = true)]
            private static Task Stored(Document document, CancellationToken cancellationToken) => Task.Delay(0, cancellationToken);

            [State(End = true, EmitOutput = false)]
            private static ValueTask Skipped(Document document) => default;

            private static ValueTask<bool> IsCachedAsync(Document document, CancellationToken cancellationToken) =>
                new(document.Path.Length == 0 || cancellationToken.IsCancellationRequested);

            private static Task<bool> HasWords(Document document) => Task.FromResult(document.Words > 0);

            private static async Task<Document> TrimAsync(Document document, CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                return document with { Text = document.Text?.Trim() };
            }
        }
        """;

    /// <summary>Event-driven with async entry actions, guards and actions.</summary>
    public const string AsyncEventDriven = """
        using System.Threading;
        using System.Threading.Tasks;
        using FsmGen;

        namespace Demo;

        public enum JobTrigger { Start, Finish, Cancel }

        [StateMachine(Triggers = typeof(JobTrigger))]
        public partial class Job
        {
            public int Attempts { get; private set; }

            [State(Start = true)]
            [Transition(To = nameof(Running), On = JobTrigger.Start, When = nameof(CanStartAsync))]
            private void Queued() { }

            [State(OnExit = nameof(ReleaseAsync))]
            [Transition(To = nameof(Done), On = JobTrigger.Finish, Transform = nameof(ReportAsync))]
            [Transition(To = nameof(Queued), On = JobTrigger.Cancel)]
            private ValueTask Running(CancellationToken cancellationToken)
            {
                Attempts++;
                return new ValueTask(Task.Delay(0, cancellationToken));
            }

            [State(End = true)]
            private static Task Done() => Task.CompletedTask;

            private ValueTask<bool> CanStartAsync(CancellationToken cancellationToken) => new(Attempts < 3 && !cancellationToken.IsCancellationRequested);

            private static Task ReleaseAsync() => Task.CompletedTask;

            private static ValueTask ReportAsync(CancellationToken cancellationToken) => new(Task.Delay(0, cancellationToken));
        }
        """;
}
