namespace FsmGen.Patterns.ErrorRecovery.Tests.StateLevel;

/// <summary>The record the recovered test machines work on; Trail records which bodies ran, in order.</summary>
public sealed record Booking(string Id, string Trail = "")
{
    public Booking Visit(string name) => this with { Trail = Trail.Length == 0 ? name : Trail + ">" + name };
}

// <retry-fallback>
/// <summary>Reserving a seat calls a flaky service: retried with backoff, then wait-listed when it stays down.</summary>
[StateMachine]
public partial class SeatBooking
{
    /// <summary>How many calls to the seat service fail before one succeeds.</summary>
    public int Outage { get; set; }

    public int Attempts { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(Confirmed))]
    [Retry(MaxRetries = 3, DelayMilliseconds = 100, Backoff = BackoffStrategy.Exponential)]
    [Fallback(nameof(Waitlisted))]
    private Booking Reserve(Booking booking) =>
        ++Attempts <= Outage ? throw new IOException("seat service unavailable") : booking.Visit("Reserve");

    [State]
    [Transition(To = nameof(Done))]
    private static Booking Confirmed(Booking booking) => booking.Visit("Confirmed");

    [State]
    [Transition(To = nameof(Done))]
    private static Booking Waitlisted(Booking booking) => booking.Visit("Waitlisted");

    [State(End = true)]
    private static void Done(Booking booking) { }
}
// </retry-fallback>

/// <summary>The same retry and fallback without delays, run through the synchronous Run; its errors can be permanent.</summary>
[StateMachine]
public partial class QuickBooking
{
    public int Outage { get; set; }

    /// <summary>Fail with an error that retrying cannot fix (ErrorClassifier: not transient).</summary>
    public bool Permanent { get; set; }

    public int Attempts { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(Done))]
    [Retry(MaxRetries = 3, DelayMilliseconds = 0)]
    [Fallback(nameof(Waitlisted))]
    private Booking Reserve(Booking booking)
    {
        if (++Attempts > Outage) return booking.Visit("Reserve");
        throw Permanent ? new ArgumentException("no such flight") : new IOException("seat service unavailable");
    }

    [State]
    [Transition(To = nameof(Done))]
    private static Booking Waitlisted(Booking booking) => booking.Visit("Waitlisted");

    [State(End = true)]
    private static void Done(Booking booking) { }
}

// <deadline>
/// <summary>A quote that must arrive within 50 ms; the body observes its token, so the deadline can stop it.</summary>
[StateMachine]
public partial class QuoteRequest
{
    public TimeSpan Latency { get; set; } = Timeout.InfiniteTimeSpan;

    [State(Start = true)]
    [Transition(To = nameof(Quoted))]
    [Deadline(Milliseconds = 50)]
    private async ValueTask<Booking> Ask(Booking booking, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, cancellationToken);
        return booking.Visit("Ask");
    }

    [State(End = true)]
    private static void Quoted(Booking booking) { }
}
// </deadline>

/// <summary>An inventory check behind a circuit breaker: two failures open it for a minute.</summary>
[StateMachine]
public partial class InventoryCheck
{
    public int Calls { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(InStock))]
    [CircuitBreaker(FailureThreshold = 2, OpenMilliseconds = 60_000)]
    private Booking Check(Booking booking)
    {
        Calls++;
        throw new IOException("inventory service unavailable");
    }

    [State(End = true)]
    private static void InStock(Booking booking) { }
}

// <saga>
/// <summary>Hold a seat, charge the card, issue the ticket; if issuing fails, refund then release, in that order.</summary>
[StateMachine]
public partial class TicketSaga
{
    public List<string> Log { get; } = [];

    public bool IssueFails { get; set; }

    public bool RefundFails { get; set; }

    [State(Start = true)]
    [Transition(To = nameof(Charge))]
    [Compensate(nameof(Release))]
    private Booking Hold(Booking booking) => Do("hold", booking);

    [State]
    [Transition(To = nameof(Issue))]
    [Compensate(nameof(RefundAsync))]
    private Booking Charge(Booking booking) => Do("charge", booking);

    [State]
    [Transition(To = nameof(Issued))]
    private Booking Issue(Booking booking) => IssueFails ? throw new InvalidOperationException("ticket printer jammed") : Do("issue", booking);

    [State(End = true)]
    private static void Issued(Booking booking) { }

    private void Release(Booking booking) => Log.Add("release " + booking.Id);

    private ValueTask RefundAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (RefundFails) throw new HttpRequestException("payment provider unavailable");
        Log.Add("refund " + booking.Id);
        return ValueTask.CompletedTask;
    }

    private Booking Do(string step, Booking booking)
    {
        Log.Add(step + " " + booking.Id);
        return booking.Visit(step);
    }
}
// </saga>

/// <summary>A saga whose failing state has a failure route: the failure is handled, so nothing is compensated.</summary>
[StateMachine]
public partial class RoutedSaga
{
    public List<string> Log { get; } = [];

    [State(Start = true)]
    [Transition(To = nameof(Issue))]
    [Compensate(nameof(Release))]
    private Booking Hold(Booking booking) => booking.Visit("hold");

    [State]
    [Transition(To = nameof(Issued))]
    [Transition(To = nameof(Manual), OnFailure = true)]
    private static Booking Issue(Booking booking) => throw new InvalidOperationException("ticket printer jammed");

    [State(End = true)]
    private static void Issued(Booking booking) { }

    [State(End = true, EmitOutput = false)]
    private static void Manual(Booking booking) { }

    private void Release(Booking booking) => Log.Add("release");
}

/// <summary>Every pipeline strategy on one state whose body allocates nothing, to measure what recovery itself costs per run.</summary>
[StateMachine]
public partial class GuardedPassThrough
{
    [State(Start = true)]
    [Transition(To = nameof(Done))]
    [Retry(MaxRetries = 3, DelayMilliseconds = 0)]
    [Deadline(Milliseconds = 1000)]
    [CircuitBreaker(FailureThreshold = 5, OpenMilliseconds = 1000)]
    private static Booking Check(Booking booking, CancellationToken cancellationToken) => booking;

    [State(End = true)]
    private static void Done(Booking booking) { }
}

public enum SirenTrigger
{
    Trip,
    Reset,
}

/// <summary>An event-driven machine whose entry action is retried.</summary>
[StateMachine(Triggers = typeof(SirenTrigger))]
public partial class Siren
{
    public int Outage { get; set; }

    public int Attempts { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(Sounding), On = SirenTrigger.Trip)]
    private void Silent() { }

    [State]
    [Transition(To = nameof(Silent), On = SirenTrigger.Reset)]
    [Retry(MaxRetries = 2, DelayMilliseconds = 0)]
    private void Sounding()
    {
        if (++Attempts <= Outage) throw new IOException("speaker not responding");
    }
}

/// <summary>A retried state and no failure handling of the graph's own, so the machine also gets RunOrThrow/RunOrThrowAsync.</summary>
[StateMachine]
public partial class RetriedReservation
{
    public int Outage { get; set; }

    public int Attempts { get; private set; }

    [State(Start = true)]
    [Transition(To = nameof(Done))]
    [Retry(MaxRetries = 3, DelayMilliseconds = 100, Backoff = BackoffStrategy.Exponential)]
    private Booking Reserve(Booking booking) =>
        ++Attempts <= Outage ? throw new IOException("seat service unavailable") : booking.Visit("Reserve");

    [State(End = true)]
    private static Booking Done(Booking booking) => booking.Visit("Done");
}
