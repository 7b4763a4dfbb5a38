namespace FsmGen.Tests.EventDriven;

public enum PlayerTrigger
{
    Play,
    Pause,
    Stop,
    Eject,
    Next,
}

/// <summary>
/// A two-level hierarchy: Active contains Playing and Paused; Playing contains Track.
/// Stop is handled by Active for every sub-state; Eject is never handled (unknown trigger).
/// </summary>
[StateMachine(Triggers = typeof(PlayerTrigger), History = 3)]
public partial class PlayerMachine
{
    public List<string> Log { get; } = new();

    public bool HasDisc { get; set; } = true;

    [State(Start = true)]
    [Transition(To = nameof(Track), On = PlayerTrigger.Play, When = nameof(DiscLoaded))]
    private void Idle() => Log.Add("enter Idle");

    [State(OnExit = nameof(ExitActive))]
    [Transition(To = nameof(Idle), On = PlayerTrigger.Stop, Transform = nameof(Rewind))]
    private void Active() => Log.Add("enter Active");

    [State(Parent = nameof(Active), OnExit = nameof(ExitPlaying))]
    [Transition(To = nameof(Paused), On = PlayerTrigger.Pause)]
    private void Playing() => Log.Add("enter Playing");

    [State(Parent = nameof(Playing), OnExit = nameof(ExitTrack))]
    [Transition(To = nameof(Track), On = PlayerTrigger.Next)]
    private void Track() => Log.Add("enter Track");

    [State(Parent = nameof(Active))]
    [Transition(To = nameof(Track), On = PlayerTrigger.Play)]
    private void Paused() => Log.Add("enter Paused");

    private void ExitActive() => Log.Add("exit Active");

    private void ExitPlaying() => Log.Add("exit Playing");

    private void ExitTrack() => Log.Add("exit Track");

    private void Rewind() => Log.Add("rewind");

    private bool DiscLoaded() => HasDisc;

    /// <summary>When set, the OnEnter/OnExit hooks write to <see cref="Log"/> too, interleaved with the actions.</summary>
    public bool TraceHooks { get; set; }

    partial void OnTransition(StateId from, StateId to, PlayerTrigger trigger) => Log.Add($"{from}-{trigger}->{to}");

    partial void OnEnter(StateId state)
    {
        if (TraceHooks) Log.Add("hook enter " + state);
    }

    partial void OnExit(StateId state)
    {
        if (TraceHooks) Log.Add("hook exit " + state);
    }
}
