namespace FsmGen.Tests.DataFlow;

public sealed class DataFlowTests
{
    [Theory]
    [InlineData(9, "Intake>Urgent>Done", TriageFlow.StateId.Done)]
    [InlineData(5, "Intake>Urgent>Done", TriageFlow.StateId.Done)] // priority 5 beats the earlier-declared priority 0 guard
    [InlineData(2, "Intake>Low>Done", TriageFlow.StateId.Done)]
    public void Guards_are_tried_by_priority_then_declaration_order(int priority, string trail, TriageFlow.StateId final)
    {
        var result = new TriageFlow().Run(new Ticket(priority));

        Assert.True(result.Succeeded);
        Assert.True(result.Emitted);
        Assert.Equal(final, result.FinalState);
        Assert.Equal(trail, result.Data.Trail);
    }

    [Fact]
    public void Arc_transform_runs_on_the_transition_it_decorates()
    {
        Assert.Equal(20m, new TriageFlow().Run(new Ticket(9, Amount: 10)).Data.Amount);
        Assert.Equal(10m, new TriageFlow().Run(new Ticket(1, Amount: 10)).Data.Amount);
    }

    [Fact]
    public void Hooks_run_in_order_enter_exit_transition()
    {
        var machine = new TriageFlow();
        machine.Run(new Ticket(1));

        Assert.Equal(
            new[] { "enter Intake", "exit Intake", "Intake->Low", "enter Low", "exit Low", "Low->Done", "enter Done" },
            machine.Hooks);
    }

    [Fact]
    public void History_keeps_the_last_transitions_bounded()
    {
        var machine = new TriageFlow();
        machine.Run(new Ticket(1));
        machine.Run(new Ticket(9));

        var history = machine.History.ToArray();
        Assert.Equal(4, history.Length);
        Assert.Equal(new StateTransition<TriageFlow.StateId>(TriageFlow.StateId.Urgent, TriageFlow.StateId.Done), history[^1]);
        Assert.Equal(new StateTransition<TriageFlow.StateId>(TriageFlow.StateId.Intake, TriageFlow.StateId.Low), history[0]);
        Assert.Equal(4, machine.History.TotalAdded);
    }

    [Fact]
    public void Failure_route_by_exception_type_ends_in_its_target_with_the_error_handled()
    {
        var machine = new PaymentFlow();
        var result = machine.Run(new Ticket(1, Amount: 5000));

        Assert.True(result.Succeeded);
        Assert.False(result.Emitted);
        Assert.Equal(PaymentFlow.StateId.Declined, result.FinalState);
        Assert.IsType<InvalidOperationException>(result.HandledError);
        Assert.Equal("Validate>Declined", result.Data.Trail);
        Assert.Equal(new[] { "Charge: card declined" }, machine.Errors);
    }

    [Fact]
    public void Unrouted_failure_skips_later_states_but_runs_RunOnFailure_states()
    {
        var result = new PaymentFlow().Run(new Ticket(1, Amount: -1));

        Assert.False(result.Succeeded);
        Assert.False(result.Emitted);
        Assert.Equal(PaymentFlow.StateId.Validate, result.FailedState);
        Assert.IsType<ArgumentException>(result.Error);
        Assert.Equal(PaymentFlow.StateId.Done, result.FinalState);
        Assert.Equal("Audit", result.Data.Trail); // Charge, Receipt and Done skipped; Audit ran
    }

    [Fact]
    public void Success_path_runs_every_body()
    {
        var result = new PaymentFlow().Run(new Ticket(1, Amount: 10));

        Assert.True(result.Emitted);
        Assert.Equal("Validate>Charge>Receipt>Audit>Done", result.Data.Trail);
        Assert.Null(result.HandledError);
    }

    [Fact]
    public void Step_by_step_execution_can_be_inspected_and_continued()
    {
        var run = new TriageFlow().Begin(new Ticket(9));

        Assert.Equal(TriageFlow.StateId.Intake, run.State);
        Assert.True(run.Step());
        Assert.Equal(TriageFlow.StateId.Urgent, run.State);
        Assert.Equal("Intake", run.Data.Trail);
        Assert.False(run.IsCompleted);

        var result = run.Continue();
        Assert.True(run.IsCompleted);
        Assert.Equal("Intake>Urgent>Done", result.Data.Trail);
        Assert.False(run.Step());
    }

    [Fact]
    public async Task Async_machine_runs_subflow_and_guarded_loop()
    {
        var result = await new AsyncFlow().RunAsync(new Ticket(0, Amount: 100));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("Load>Tax>Enrich>Enrich>Enrich", result.Data.Trail);
        Assert.Equal(120m, result.Data.Amount);
        Assert.Equal(AsyncFlow.StateId.Done, result.FinalState);
    }

    [Fact]
    public async Task Failing_subflow_is_a_failure_of_the_pushing_state()
    {
        var result = await new AsyncFlow().RunAsync(new Ticket(0, Amount: -1));

        Assert.False(result.Succeeded);
        Assert.Equal(AsyncFlow.StateId.Load, result.FailedState);
        Assert.Equal("negative tax base", result.Error!.Message);
    }

    [Fact]
    public async Task Cancellation_stops_an_async_run_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var machine = new AsyncFlow { Gate = new TaskCompletionSource() };
        var running = machine.RunAsync(new Ticket(0), cts.Token).AsTask();
        Assert.False(running.IsCompleted);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Async_step_by_step()
    {
        var run = new AsyncFlow().Begin(new Ticket(2));
        Assert.True(await run.StepAsync());
        Assert.Equal(AsyncFlow.StateId.Enrich, run.State);
        Assert.Equal("Load>Tax", run.Data.Trail);
        var result = await run.ContinueAsync();
        Assert.Equal("Load>Tax>Enrich", result.Data.Trail);
    }

    [Fact]
    public void Graph_description_lists_states_transitions_and_drawings()
    {
        var graph = PaymentFlow.Graph;

        Assert.Equal(6, graph.States.Count);
        Assert.Contains(graph.Transitions, t => t.From == "Charge" && t.To == "Declined" && t.OnFailure && t.Exception == "System.InvalidOperationException");
        Assert.Contains("Charge --> Declined : on InvalidOperationException", PaymentFlow.Mermaid);
        Assert.Contains("Charge -> Declined [label=\"on InvalidOperationException\"];", PaymentFlow.Dot);
        Assert.True(graph.States.Single(s => s.Name == "Audit").RunsOnFailure);
    }
}
