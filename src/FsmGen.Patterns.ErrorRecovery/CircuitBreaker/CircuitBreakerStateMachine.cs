namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>
/// The breaker as an explicit state machine (Closed, Open, HalfOpen) with two triggers: <see cref="TryAcquire"/>
/// before a call and <see cref="Record"/> after it. Thread-safe: transitions happen under one lock; the common case
/// (closed, success, no failures pending) takes no lock.
/// </summary>
internal sealed class CircuitBreakerStateMachine(CircuitBreakerConfig config, TimeProvider time, Action<CircuitBreakerState>? onTransition)
{
    private readonly Lock _gate = new();
    private readonly Queue<long>? _failureTimestamps = config.RollingWindow is null ? null : new Queue<long>();
    private volatile CircuitBreakerState _state = CircuitBreakerState.Closed;
    private volatile int _epoch;
    private volatile int _consecutiveFailures;
    private long _openedAt;
    private int _probeSuccesses;
    private bool _probeInFlight;

    /// <summary>The current state. Open turns into HalfOpen on the first call after the open duration, not on a timer.</summary>
    public CircuitBreakerState State => _state;

    public bool TryAcquire(out BreakerPermit permit, out TimeSpan retryAfter)
    {
        // Epoch first, then state: a transition in between leaves this permit with a stale epoch, which Record ignores.
        var epoch = _epoch;
        if (_state == CircuitBreakerState.Closed)
        {
            permit = new BreakerPermit(epoch, IsProbe: false);
            retryAfter = TimeSpan.Zero;
            return true;
        }

        lock (_gate)
        {
            return TryAcquireLocked(out permit, out retryAfter);
        }
    }

    public void Record(BreakerPermit permit, HealthSignal signal)
    {
        if (signal == HealthSignal.Ignored && !permit.IsProbe)
        {
            return;
        }

        if (signal == HealthSignal.Success && !permit.IsProbe && (_failureTimestamps is not null || _consecutiveFailures == 0))
        {
            return;
        }

        lock (_gate)
        {
            if (permit.Epoch != _epoch)
            {
                return;
            }

            switch (_state)
            {
                case CircuitBreakerState.Closed:
                    RecordWhileClosed(signal);
                    break;
                case CircuitBreakerState.HalfOpen:
                    RecordProbe(signal);
                    break;
                case CircuitBreakerState.Open:
                    break; // unreachable: an open circuit admits nobody in its epoch
            }
        }
    }

    private bool TryAcquireLocked(out BreakerPermit permit, out TimeSpan retryAfter)
    {
        permit = default;
        retryAfter = TimeSpan.Zero;
        switch (_state)
        {
            case CircuitBreakerState.Closed:
                permit = new BreakerPermit(_epoch, IsProbe: false);
                return true;
            case CircuitBreakerState.Open:
                var openFor = time.GetElapsedTime(_openedAt);
                if (openFor < config.OpenDuration)
                {
                    retryAfter = config.OpenDuration - openFor;
                    return false;
                }

                MoveTo(CircuitBreakerState.HalfOpen);
                return TryAcquireLocked(out permit, out retryAfter);
            case CircuitBreakerState.HalfOpen:
                // One probe at a time: the dependency just failed, so test it gently.
                if (_probeInFlight)
                {
                    return false;
                }

                _probeInFlight = true;
                permit = new BreakerPermit(_epoch, IsProbe: true);
                return true;
            default:
                return false;
        }
    }

    private void RecordWhileClosed(HealthSignal signal)
    {
        if (signal == HealthSignal.Success)
        {
            if (_failureTimestamps is null)
            {
                _consecutiveFailures = 0;
            }

            return;
        }

        if (signal == HealthSignal.Failure && CountFailure() >= config.FailureThreshold)
        {
            MoveTo(CircuitBreakerState.Open);
        }
    }

    private int CountFailure()
    {
        if (_failureTimestamps is null)
        {
            return ++_consecutiveFailures;
        }

        var now = time.GetTimestamp();
        _failureTimestamps.Enqueue(now);
        while (time.GetElapsedTime(_failureTimestamps.Peek(), now) >= config.RollingWindow)
        {
            _failureTimestamps.Dequeue();
        }

        return _failureTimestamps.Count;
    }

    private void RecordProbe(HealthSignal signal)
    {
        _probeInFlight = false;
        switch (signal)
        {
            case HealthSignal.Failure:
                MoveTo(CircuitBreakerState.Open);
                break;
            case HealthSignal.Success when ++_probeSuccesses >= config.SuccessThreshold:
                MoveTo(CircuitBreakerState.Closed);
                break;
        }
    }

    private void MoveTo(CircuitBreakerState next)
    {
        _state = next;
        _epoch++;
        _probeInFlight = false;
        _probeSuccesses = 0;
        _consecutiveFailures = 0;
        _failureTimestamps?.Clear();
        if (next == CircuitBreakerState.Open)
        {
            _openedAt = time.GetTimestamp();
        }

        // Callbacks run under the lock so that they observe transitions in the order they happened.
        onTransition?.Invoke(next);
        (next switch
        {
            CircuitBreakerState.Open => config.OnOpened,
            CircuitBreakerState.Closed => config.OnClosed,
            _ => config.OnHalfOpened,
        })?.Invoke();
    }
}
