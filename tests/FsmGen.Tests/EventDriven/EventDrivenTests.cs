namespace FsmGen.Tests.EventDriven;

public sealed class EventDrivenTests
{
    [Fact]
    public void Entering_a_nested_state_runs_entry_actions_outermost_first()
    {
        var player = new PlayerMachine();
        Assert.True(player.Fire(PlayerTrigger.Play));

        Assert.Equal(PlayerMachine.StateId.Track, player.Current);
        Assert.Equal(new[] { "Idle-Play->Track", "enter Active", "enter Playing", "enter Track" }, player.Log);
        Assert.True(player.IsIn(PlayerMachine.StateId.Active));
        Assert.True(player.IsIn(PlayerMachine.StateId.Playing));
        Assert.False(player.IsIn(PlayerMachine.StateId.Paused));
    }

    [Fact]
    public void Ancestor_handles_a_trigger_and_exits_run_innermost_first()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Log.Clear();

        player.Fire(PlayerTrigger.Stop);

        Assert.Equal(PlayerMachine.StateId.Idle, player.Current);
        Assert.Equal(new[] { "exit Track", "exit Playing", "exit Active", "rewind", "Track-Stop->Idle", "enter Idle" }, player.Log);
    }

    [Fact]
    public void Transition_between_siblings_exits_only_up_to_the_common_ancestor()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Log.Clear();

        player.Fire(PlayerTrigger.Pause); // handled by Playing while in Track

        Assert.Equal(PlayerMachine.StateId.Paused, player.Current);
        Assert.Equal(new[] { "exit Track", "exit Playing", "Track-Pause->Paused", "enter Paused" }, player.Log);
    }

    [Fact]
    public void Self_transition_exits_and_reenters()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Log.Clear();

        player.Fire(PlayerTrigger.Next);

        Assert.Equal(new[] { "exit Track", "Track-Next->Track", "enter Track" }, player.Log);
    }

    [Fact]
    public void Unknown_trigger_throws_naming_state_and_trigger_by_default()
    {
        var player = new PlayerMachine();
        var error = Assert.Throws<InvalidOperationException>(() => player.Fire(PlayerTrigger.Eject));

        Assert.Contains("'Eject'", error.Message);
        Assert.Contains("'Idle'", error.Message);
        Assert.False(player.TryFire(PlayerTrigger.Eject));
        Assert.Equal(PlayerMachine.StateId.Idle, player.Current);
    }

    [Fact]
    public void False_guard_throws_by_default_and_TryFire_returns_false()
    {
        var player = new PlayerMachine { HasDisc = false };

        Assert.False(player.CanFire(PlayerTrigger.Play));
        var error = Assert.Throws<InvalidOperationException>(() => player.Fire(PlayerTrigger.Play));
        Assert.Contains("guard", error.Message);
        Assert.False(player.TryFire(PlayerTrigger.Play));
        Assert.Empty(player.Log);
    }

    [Fact]
    public void Ignore_policies_leave_the_machine_where_it_is()
    {
        var turnstile = new TurnstileMachine { Powered = false };

        Assert.False(turnstile.Fire(TurnstileTrigger.Coin)); // guard false, ignored
        Assert.False(turnstile.Fire(TurnstileTrigger.Kick)); // unknown, ignored
        Assert.Equal(TurnstileMachine.StateId.Locked, turnstile.Current);

        turnstile.Powered = true;
        Assert.True(turnstile.Fire(TurnstileTrigger.Coin));
        Assert.Equal(1, turnstile.Entries);
    }

    [Fact]
    public void Permitted_triggers_include_inherited_ones_and_respect_guards()
    {
        var player = new PlayerMachine();
        Assert.Equal(new[] { PlayerTrigger.Play }, player.GetPermittedTriggers());
        player.Fire(PlayerTrigger.Play);
        Assert.Equal(new[] { PlayerTrigger.Pause, PlayerTrigger.Stop, PlayerTrigger.Next }, player.GetPermittedTriggers());
        player.HasDisc = false;
        player.Fire(PlayerTrigger.Stop);
        Assert.Empty(player.GetPermittedTriggers());
    }

    [Fact]
    public void Restore_sets_the_state_without_running_entry_actions()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Fire(PlayerTrigger.Pause);
        var saved = player.Current;

        var restored = new PlayerMachine();
        restored.Restore(saved);

        Assert.Equal(PlayerMachine.StateId.Paused, restored.Current);
        Assert.Empty(restored.Log);
        Assert.True(restored.Fire(PlayerTrigger.Stop)); // handled by the restored state's ancestor
        Assert.Throws<ArgumentOutOfRangeException>(() => restored.Restore((PlayerMachine.StateId)42));
    }

    [Fact]
    public void History_keeps_the_last_transitions_with_their_triggers()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Fire(PlayerTrigger.Next);
        player.Fire(PlayerTrigger.Pause);
        player.Fire(PlayerTrigger.Stop);

        var history = player.History.ToArray();
        Assert.Equal(3, history.Length);
        Assert.Equal(new StateTransition<PlayerMachine.StateId, PlayerTrigger>(PlayerMachine.StateId.Track, PlayerMachine.StateId.Track, PlayerTrigger.Next), history[0]);
        Assert.Equal(new StateTransition<PlayerMachine.StateId, PlayerTrigger>(PlayerMachine.StateId.Paused, PlayerMachine.StateId.Idle, PlayerTrigger.Stop), history[2]);
    }

    [Fact]
    public async Task FireAsync_on_a_sync_machine_completes_synchronously()
    {
        var turnstile = new TurnstileMachine();
        var pending = turnstile.FireAsync(TurnstileTrigger.Coin);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.True(await pending);
        Assert.Equal(TurnstileMachine.StateId.Unlocked, turnstile.Current);
    }

    [Fact]
    public async Task FireAsync_on_a_sync_machine_with_a_cancelled_token_gives_a_cancelled_task_and_does_not_move()
    {
        var turnstile = new TurnstileMachine();

        var pending = turnstile.FireAsync(TurnstileTrigger.Coin, new CancellationToken(canceled: true));

        Assert.True(pending.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        Assert.Equal(TurnstileMachine.StateId.Locked, turnstile.Current);
    }

    [Fact]
    public async Task Async_machine_awaits_guards_and_entry_actions()
    {
        var turnstile = new AsyncTurnstile();
        Assert.True(await turnstile.CanFireAsync(TurnstileTrigger.Coin));
        Assert.True(await turnstile.FireAsync(TurnstileTrigger.Coin));
        Assert.Equal(1, turnstile.Entries);
        Assert.Equal(new[] { TurnstileTrigger.Push }, await turnstile.GetPermittedTriggersAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await turnstile.FireAsync(TurnstileTrigger.Coin));
        Assert.False(await turnstile.TryFireAsync(TurnstileTrigger.Coin));
    }

    [Fact]
    public async Task Cancelling_an_async_entry_action_stops_FireAsync()
    {
        using var cts = new CancellationTokenSource();
        var turnstile = new AsyncTurnstile { Gate = new TaskCompletionSource() };
        var firing = turnstile.FireAsync(TurnstileTrigger.Coin, cts.Token).AsTask();

        Assert.False(firing.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firing);
        Assert.Equal(0, turnstile.Entries);
    }

    [Fact]
    public void Drawings_show_composite_states_once()
    {
        var mermaid = PlayerMachine.Mermaid;
        Assert.Contains("state Active {", mermaid);
        Assert.Contains("state Playing {", mermaid);
        Assert.Single(mermaid.Split('\n'), l => l.Trim() == "Track");
        Assert.Contains("subgraph cluster_Active", PlayerMachine.Dot);
        Assert.Contains("subgraph cluster_Playing", PlayerMachine.Dot);
        Assert.Contains("Active -> Idle [label=\"Stop / Rewind\"];", PlayerMachine.Dot);
    }

    [Fact]
    public void Hooks_interleave_with_actions_exit_then_transition_then_enter()
    {
        var player = new PlayerMachine();
        player.Fire(PlayerTrigger.Play);
        player.Log.Clear();
        player.TraceHooks = true;

        player.Fire(PlayerTrigger.Pause);

        Assert.Equal(
            new[] { "exit Track", "hook exit Track", "exit Playing", "hook exit Playing", "Track-Pause->Paused", "hook enter Paused", "enter Paused" },
            player.Log);
    }
}
