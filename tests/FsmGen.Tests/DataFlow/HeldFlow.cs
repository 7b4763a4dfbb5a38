namespace FsmGen.Tests.DataFlow;

/// <summary>
/// An async machine without failure handling (so it gets RunOrThrowAsync): Load adds one, Done multiplies by ten.
/// Load throws before returning its task on negative input, and pends on <see cref="Gate"/> when one is set.
/// </summary>
[StateMachine]
public partial class HeldFlow
{
    public TaskCompletionSource<bool>? Gate { get; set; }

    [State(Start = true)]
    [Transition(To = nameof(Done))]
    private ValueTask<int> Load(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "negative input");
        if (Gate is null) return new ValueTask<int>(n + 1);
        return new ValueTask<int>(Gate.Task.ContinueWith(held => held.GetAwaiter().GetResult() ? n + 1 : n, TaskScheduler.Default));
    }

    [State(End = true)]
    private static int Done(int n) => n * 10;
}
