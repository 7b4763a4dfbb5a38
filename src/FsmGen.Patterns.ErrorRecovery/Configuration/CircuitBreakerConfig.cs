namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// When the circuit opens (failure threshold, optionally within a rolling window), how long it stays open, and how many
/// successful probes close it again. Immutable; validated at construction.
/// </summary>
/// <remarks>
/// Polly's own breaker opens on a failure <em>ratio</em> and closes after one successful probe, so it cannot express
/// <see cref="SuccessThreshold"/>; this library runs its own Closed/Open/HalfOpen state machine as a Polly strategy.
/// </remarks>
public sealed class CircuitBreakerConfig
{
    private static readonly TimeSpan DefaultOpenDuration = TimeSpan.FromSeconds(30);

    /// <summary>Creates a circuit breaker configuration.</summary>
    /// <param name="failureThreshold">Failures that open the circuit. Default 5.</param>
    /// <param name="successThreshold">Consecutive successful half-open probes that close it. Default 1.</param>
    /// <param name="openDuration">How long the circuit rejects calls before it lets a probe through. Default 30 s.</param>
    /// <param name="rollingWindow">
    /// When set, the circuit opens on <paramref name="failureThreshold"/> failures within this window, successes in
    /// between notwithstanding. When null (default), it opens on that many <em>consecutive</em> failures.
    /// </param>
    /// <param name="onOpened">Called when the circuit opens.</param>
    /// <param name="onClosed">Called when the circuit closes.</param>
    /// <param name="onHalfOpened">Called when the circuit half-opens (on the first call after <paramref name="openDuration"/>).</param>
    public CircuitBreakerConfig(
        int failureThreshold = 5,
        int successThreshold = 1,
        TimeSpan? openDuration = null,
        TimeSpan? rollingWindow = null,
        Action? onOpened = null,
        Action? onClosed = null,
        Action? onHalfOpened = null)
    {
        FailureThreshold = Require.AtLeast(failureThreshold, 1, nameof(failureThreshold));
        SuccessThreshold = Require.AtLeast(successThreshold, 1, nameof(successThreshold));
        OpenDuration = Require.Positive(openDuration ?? DefaultOpenDuration, nameof(openDuration));
        RollingWindow = rollingWindow is { } window ? Require.Positive(window, nameof(rollingWindow)) : null;
        OnOpened = onOpened;
        OnClosed = onClosed;
        OnHalfOpened = onHalfOpened;
    }

    /// <summary>Failures (consecutive, or within <see cref="RollingWindow"/>) that open the circuit.</summary>
    public int FailureThreshold { get; }

    /// <summary>Consecutive successful half-open probes that close the circuit.</summary>
    public int SuccessThreshold { get; }

    /// <summary>How long the circuit stays open before it half-opens.</summary>
    public TimeSpan OpenDuration { get; }

    /// <summary>The window failures are counted in, or null to count consecutive failures.</summary>
    public TimeSpan? RollingWindow { get; }

    /// <summary>Called when the circuit opens. Runs under the breaker's lock: keep it short.</summary>
    public Action? OnOpened { get; }

    /// <summary>Called when the circuit closes. Runs under the breaker's lock: keep it short.</summary>
    public Action? OnClosed { get; }

    /// <summary>Called when the circuit half-opens. Runs under the breaker's lock: keep it short.</summary>
    public Action? OnHalfOpened { get; }
}
