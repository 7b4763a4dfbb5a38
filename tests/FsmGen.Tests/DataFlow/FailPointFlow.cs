namespace FsmGen.Tests.DataFlow;

/// <summary>A value-type record: each member appends its digit to <see cref="Digits"/>, so the record tells which ran.</summary>
public readonly record struct Parcel(long Digits)
{
    public Parcel Add(int digit) => new(Digits * 10 + digit);
}

/// <summary>
/// Run's fast path keeps the record in registers and copies it for its catch after each member that returns one
/// (RunTracking.Committed): this machine fails, on request, at every point of a run, so a test can check that a
/// failure reports the record as it was there. Pick (1) [IsLarge: below 20] / Stamp (2) -> Pack (3) -> Ship (4); Pick -> Pack
/// otherwise; Pack -> Lost on failure (5, not emitted). A member named by <see cref="FailAt"/> throws; so do the OnExit
/// and OnEnter hooks for "exit:State" and "enter:State".
/// </summary>
[StateMachine]
public partial class FailPointFlow
{
    /// <summary>The member (or "exit:State", "enter:State" hook) that throws; null for a clean run.</summary>
    public string? FailAt { get; set; }

    public List<string> Errors { get; } = new();

    [State(Start = true)]
    [Transition(To = nameof(Pack), When = nameof(IsLarge), Transform = nameof(Stamp), Priority = 1)]
    [Transition(To = nameof(Pack))]
    private Parcel Pick(Parcel p) => Member(nameof(Pick), p, 1);

    [State]
    [Transition(To = nameof(Ship))]
    [Transition(To = nameof(Lost), OnFailure = true, Exception = typeof(TimeoutException))]
    private Parcel Pack(Parcel p) => Member(nameof(Pack), p, 3);

    [State(End = true)]
    private Parcel Ship(Parcel p) => Member(nameof(Ship), p, 4);

    [State(End = true, EmitOutput = false)]
    private Parcel Lost(Parcel p) => Member(nameof(Lost), p, 5);

    private bool IsLarge(Parcel p) => FailAt == nameof(IsLarge) ? throw new InvalidOperationException(nameof(IsLarge)) : p.Digits < 20;

    private Parcel Stamp(Parcel p) => Member(nameof(Stamp), p, 2);

    private Parcel Member(string name, Parcel p, int digit) =>
        FailAt == name ? throw (name == nameof(Pack) ? new TimeoutException(name) : new InvalidOperationException(name)) : p.Add(digit);

    partial void OnEnter(StateId state)
    {
        if (FailAt == "enter:" + state) throw new InvalidOperationException(FailAt);
    }

    partial void OnExit(StateId state)
    {
        if (FailAt == "exit:" + state) throw new InvalidOperationException(FailAt);
    }

    partial void OnError(StateId state, Exception error) => Errors.Add(state + ": " + error.Message);
}
