using System.Reflection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FsmGen.Patterns.ErrorRecovery.Tests.StateLevel;

/// <summary>
/// Recovery declared with attributes on [State] methods and wired by the generator: retries, fallback state, deadline,
/// circuit breaker (one pipeline per state per machine instance) and compensation of completed states.
/// </summary>
public sealed class GeneratedRecoveryTests
{
    [Fact]
    public async Task A_state_that_fails_twice_then_succeeds_is_retried_with_its_backoff()
    {
        var time = new RecordingTimeProvider();
        // <time-provider>
        var booking = new SeatBooking { Outage = 2, RecoveryTimeProvider = time };
        // </time-provider>

        var result = await time.DriveAsync(booking.RunAsync(new Booking("B-1")).AsTask());

        Assert.True(result.Succeeded);
        Assert.Equal(SeatBooking.StateId.Done, result.FinalState);
        Assert.Equal("Reserve>Confirmed", result.Data.Trail);
        Assert.Null(result.HandledError);
        Assert.Equal(3, booking.Attempts);
        Assert.Equal([100.0, 200], time.DueTimes.Select(d => d.TotalMilliseconds)); // [Retry(DelayMilliseconds = 100, Exponential)]
    }

    [Fact]
    public async Task RunOrThrowAsync_awaits_retry_delays_instead_of_blocking_through_them()
    {
        var time = new RecordingTimeProvider();
        var booking = new RetriedReservation { Outage = 2, RecoveryTimeProvider = time };

        // With a fake clock a blocking run would never return; the call must come back at the first delay.
        var call = await Task.Run(() => booking.RunOrThrowAsync(new Booking("B-9"))).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(call.IsCompleted);
        var result = await time.DriveAsync(call.AsTask());

        Assert.Equal("Reserve>Done", result.Data.Trail);
        Assert.Equal(3, booking.Attempts);
        Assert.Equal([100.0, 200], time.DueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task The_synchronous_Run_retries_through_the_same_pipeline()
    {
        var time = new RecordingTimeProvider();
        var booking = new SeatBooking { Outage = 2, RecoveryTimeProvider = time };

        // Run blocks through its delays (Polly's synchronous Execute): drive the clock from here while it runs elsewhere.
        var result = await time.DriveAsync(Task.Run(() => booking.Run(new Booking("B-2"))));

        Assert.True(result.Succeeded);
        Assert.Equal(3, booking.Attempts);
        Assert.Equal([100.0, 200], time.DueTimes.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void Run_without_delays_completes_on_the_calling_thread()
    {
        var booking = new QuickBooking { Outage = 2 };

        var result = booking.Run(new Booking("B-3"));

        Assert.True(result.Succeeded);
        Assert.Equal("Reserve", result.Data.Trail);
        Assert.Equal(3, booking.Attempts);
    }

    [Fact]
    public async Task Exhausted_retries_continue_at_the_fallback_state()
    {
        var time = new RecordingTimeProvider();
        var booking = new SeatBooking { Outage = int.MaxValue, RecoveryTimeProvider = time };

        var result = await time.DriveAsync(booking.RunAsync(new Booking("B-4")).AsTask());

        Assert.True(result.Succeeded);
        Assert.Equal(SeatBooking.StateId.Done, result.FinalState);
        Assert.Equal("Waitlisted", result.Data.Trail);
        Assert.IsType<IOException>(result.HandledError);
        Assert.Equal(4, booking.Attempts); // the first attempt and 3 retries
    }

    [Fact]
    public void A_permanent_error_is_not_retried_and_goes_straight_to_the_fallback()
    {
        var booking = new QuickBooking { Outage = int.MaxValue, Permanent = true };

        var result = booking.Run(new Booking("B-5"));

        Assert.True(result.Succeeded);
        Assert.Equal("Waitlisted", result.Data.Trail);
        Assert.IsType<ArgumentException>(result.HandledError);
        Assert.Equal(1, booking.Attempts);
    }

    [Fact]
    public async Task The_deadline_fails_the_state_when_its_time_is_up()
    {
        var time = new RecordingTimeProvider();
        var quote = new QuoteRequest { RecoveryTimeProvider = time };

        var pending = quote.RunAsync(new Booking("Q-1")).AsTask();
        Assert.Equal(TimeSpan.FromMilliseconds(50), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(50));
        var result = await pending.Within();

        Assert.False(result.Succeeded);
        Assert.IsType<TimeoutRejectedException>(result.Error);
        Assert.Equal(QuoteRequest.StateId.Ask, result.FailedState);
    }

    [Fact]
    public async Task A_state_within_its_deadline_succeeds()
    {
        var quote = new QuoteRequest { Latency = TimeSpan.Zero };

        var result = await quote.RunAsync(new Booking("Q-2")).Within();

        Assert.True(result.Succeeded);
        Assert.Equal("Ask", result.Data.Trail);
    }

    [Fact]
    public void The_breaker_opens_across_runs_of_one_instance_and_leaves_another_instance_closed()
    {
        var first = new InventoryCheck();

        Assert.IsType<IOException>(first.Run(new Booking("I-1")).Error);
        Assert.IsType<IOException>(first.Run(new Booking("I-2")).Error);
        var rejected = first.Run(new Booking("I-3"));

        Assert.IsType<BrokenCircuitException>(rejected.Error);
        Assert.Equal(InventoryCheck.StateId.Check, rejected.FailedState);
        Assert.Equal(2, first.Calls); // the open circuit did not call the service

        var second = new InventoryCheck();
        Assert.IsType<IOException>(second.Run(new Booking("I-4")).Error);
        Assert.Equal(1, second.Calls);
    }

    [Fact]
    public void The_pipelines_are_created_once_per_instance_on_first_use()
    {
        var first = new InventoryCheck();
        var second = new InventoryCheck();
        Assert.Null(Pipelines(first));

        first.Run(new Booking("P-1"));
        var created = Pipelines(first);
        first.Run(new Booking("P-2"));
        second.Run(new Booking("P-3"));

        Assert.NotNull(created);
        Assert.Same(created, Pipelines(first));
        Assert.NotSame(created, Pipelines(second));
    }

    [Fact]
    public void The_clock_cannot_change_once_the_pipelines_exist()
    {
        var check = new InventoryCheck { RecoveryTimeProvider = new RecordingTimeProvider() };
        check.Run(new Booking("T-1"));

        var error = Assert.Throws<InvalidOperationException>(() => check.RecoveryTimeProvider = TimeProvider.System);

        Assert.Contains("InventoryCheck", error.Message);
        Assert.Same(TimeProvider.System, new InventoryCheck().RecoveryTimeProvider);
    }

    [Fact]
    public void A_run_through_a_recovered_state_allocates_nothing()
    {
        // The pipeline is a field made once; the body goes through Polly's state-passing overload with a static lambda.
        var machine = new GuardedPassThrough();
        var booking = new Booking("A-1");
        void RunMany()
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (!machine.Run(booking).Succeeded) throw new InvalidOperationException("the run failed");
            }
        }

        RunMany(); // warm-up: JIT, the pipelines, Polly's pooled contexts
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunMany();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task A_later_failure_compensates_the_completed_states_in_reverse_order()
    {
        var saga = new TicketSaga { IssueFails = true };

        var result = await saga.RunAsync(new Booking("S-1")).Within();

        Assert.False(result.Succeeded);
        Assert.Equal(TicketSaga.StateId.Issue, result.FailedState);
        Assert.IsType<InvalidOperationException>(result.Error);
        Assert.Equal(["hold S-1", "charge S-1", "refund S-1", "release S-1"], saga.Log);
        Assert.Equal(2, result.Compensated);
        Assert.Null(result.CompensationError);
    }

    [Fact]
    public async Task A_successful_run_compensates_nothing()
    {
        var saga = new TicketSaga();

        var result = await saga.RunAsync(new Booking("S-2")).Within();

        Assert.True(result.Succeeded);
        Assert.Equal(["hold S-2", "charge S-2", "issue S-2"], saga.Log);
        Assert.Equal(0, result.Compensated);
    }

    [Fact]
    public async Task A_failing_compensation_is_reported_and_the_others_still_run()
    {
        var saga = new TicketSaga { IssueFails = true, RefundFails = true };

        var result = await saga.RunAsync(new Booking("S-3")).Within();

        Assert.IsType<InvalidOperationException>(result.Error);
        Assert.IsType<HttpRequestException>(result.CompensationError);
        Assert.Equal(1, result.Compensated);
        Assert.Equal(["hold S-3", "charge S-3", "release S-3"], saga.Log);
    }

    [Fact]
    public async Task Each_run_compensates_only_its_own_completed_states()
    {
        var saga = new TicketSaga { IssueFails = true };
        await saga.RunAsync(new Booking("S-4")).Within();
        saga.Log.Clear();

        var result = await saga.RunAsync(new Booking("S-5")).Within();

        Assert.Equal(2, result.Compensated);
        Assert.Equal(["hold S-5", "charge S-5", "refund S-5", "release S-5"], saga.Log);
    }

    [Fact]
    public void A_failure_with_a_failure_route_is_handled_and_compensates_nothing()
    {
        var saga = new RoutedSaga();

        var result = saga.Run(new Booking("S-6"));

        Assert.True(result.Succeeded);
        Assert.Equal(RoutedSaga.StateId.Manual, result.FinalState);
        Assert.Empty(saga.Log);
        Assert.Equal(0, result.Compensated);
    }

    [Fact]
    public void An_event_driven_entry_action_is_retried()
    {
        var siren = new Siren { Outage = 2 };

        Assert.True(siren.Fire(SirenTrigger.Trip));

        Assert.Equal(Siren.StateId.Sounding, siren.Current);
        Assert.Equal(3, siren.Attempts);
    }

    [Fact]
    public void An_event_driven_entry_action_that_keeps_failing_throws_from_Fire()
    {
        var siren = new Siren { Outage = int.MaxValue };

        Assert.Throws<IOException>(() => siren.Fire(SirenTrigger.Trip));
        Assert.Equal(3, siren.Attempts); // the first attempt and 2 retries
    }

    /// <summary>The generated holder of one instance's pipelines (private by design; read here to prove it is made once).</summary>
    private static object? Pipelines(object machine) =>
        machine.GetType().GetField("_recoveryPipelines", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(machine);
}
