using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FsmGen.Generators.Parsing;

/// <summary>The rules of state-level error recovery: [Retry], [Deadline], [CircuitBreaker], [Fallback] and [Compensate].</summary>
internal sealed partial class MachineParser
{
    /// <summary>
    /// Validates a state's recovery attributes. A valid [Fallback] comes back as <paramref name="fallback"/>: the caller
    /// appends it to the state's transitions as the last failure route, so graph rules and the emitter treat it as one.
    /// </summary>
    private RecoveryModel? ResolveRecovery(RawState state, MachineKind kind, HashSet<string> names, MethodCall? body, out TransitionModel? fallback)
    {
        fallback = null;
        if (state.Recovery is not { } raw) return null;

        if (kind == MachineKind.EventDriven)
        {
            // An event-driven machine has no run to continue elsewhere or to undo: only the entry action's pipeline applies.
            if (raw.Fallback is { } f) Report(DiagnosticDescriptors.NotSupportedForKind, f.Location, "[Fallback]", state.Name, "event-driven");
            if (raw.Compensate is { } c) Report(DiagnosticDescriptors.NotSupportedForKind, c.Location, "[Compensate]", state.Name, "event-driven");
        }

        var pipeline = ResolvePipeline(state, raw);
        if (pipeline is not null && raw.Deadline is { } deadline && body is { TakesCancellation: false })
        {
            Report(DiagnosticDescriptors.DeadlineCannotInterrupt, deadline.Location, state.Name);
        }

        MethodCall? compensation = null;
        if (kind == MachineKind.DataFlow)
        {
            if (raw.Compensate is { Name: { } undo } compensate) compensation = ResolveCompensation(state, compensate, undo, kind);
            if (raw.Fallback is { Name: { } target } attribute) fallback = ResolveFallback(state, attribute, target, names);
        }

        return pipeline is null && compensation is null ? null : new RecoveryModel(pipeline, compensation, state.Method.IsStatic);
    }

    private RecoveryPipelineModel? ResolvePipeline(RawState state, RawRecovery raw)
    {
        if (raw.Retry is null && raw.Deadline is null && raw.CircuitBreaker is null) return null;
        var ok = true;
        int maxRetries = 0, delay = 0, deadline = 0, threshold = 0, open = 0;
        var backoff = RecoveryDefaults.Backoff;
        if (raw.Retry is { } retry)
        {
            maxRetries = retry.Int("MaxRetries", RecoveryDefaults.MaxRetries);
            delay = retry.Int("DelayMilliseconds", RecoveryDefaults.DelayMilliseconds);
            ok &= InRange(state, retry, "Retry", "MaxRetries", maxRetries, 1, int.MaxValue, "1 or more");
            ok &= InRange(state, retry, "Retry", "DelayMilliseconds", delay, 0, int.MaxValue, "0 or more");
            if (retry.Value("Backoff") is { } value)
            {
                var member = value.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
                if (member is null)
                {
                    Report(DiagnosticDescriptors.InvalidRecoveryValue, retry.Location, "Backoff", "Retry", state.Name, "a member of BackoffStrategy");
                    ok = false;
                }
                else backoff = member.Name;
            }
        }

        if (raw.Deadline is { } timeout)
        {
            deadline = timeout.Int("Milliseconds", 0);
            ok &= InRange(state, timeout, "Deadline", "Milliseconds", deadline, RecoveryDefaults.MinDeadlineMilliseconds, RecoveryDefaults.MaxDeadlineMilliseconds,
                "set, between " + RecoveryDefaults.MinDeadlineMilliseconds + " and " + RecoveryDefaults.MaxDeadlineMilliseconds + " (24 h)");
        }

        if (raw.CircuitBreaker is { } breaker)
        {
            threshold = breaker.Int("FailureThreshold", RecoveryDefaults.FailureThreshold);
            open = breaker.Int("OpenMilliseconds", RecoveryDefaults.OpenMilliseconds);
            ok &= InRange(state, breaker, "CircuitBreaker", "FailureThreshold", threshold, 1, int.MaxValue, "1 or more");
            ok &= InRange(state, breaker, "CircuitBreaker", "OpenMilliseconds", open, 1, int.MaxValue, "1 or more");
        }

        return ok ? new RecoveryPipelineModel(maxRetries, delay, backoff, deadline, threshold, open) : null;
    }

    private bool InRange(RawState state, RawRecoveryAttribute attribute, string attributeName, string property, int value, int minimum, int maximum, string expected)
    {
        if (value >= minimum && value <= maximum) return true;
        Report(DiagnosticDescriptors.InvalidRecoveryValue, attribute.Location, property, attributeName, state.Name, expected);
        return false;
    }

    private TransitionModel? ResolveFallback(RawState state, RawRecoveryAttribute attribute, string target, HashSet<string> names)
    {
        if (!names.Contains(target))
        {
            Report(DiagnosticDescriptors.FallbackNotAState, attribute.Location, target, state.Name, MachineName);
            return null;
        }

        // A failure route without an exception type catches everything before the fallback could.
        var catchAll = state.Transitions.FirstOrDefault(t => t.OnFailure && t.Exception is null && t.To is not null);
        if (catchAll is not null)
        {
            Report(DiagnosticDescriptors.FallbackNeverTaken, attribute.Location, target, state.Name, catchAll.To!);
            return null;
        }

        return new TransitionModel(target, Guard: null, Trigger: null, Priority: 0, Transform: null, OnFailure: true, ExceptionType: null, Push: null);
    }

    private MethodCall? ResolveCompensation(RawState state, RawRecoveryAttribute attribute, string name, MachineKind kind)
    {
        var candidates = AttributeReader.MethodsNamed(_type, name).ToList();
        if (candidates.Count == 0)
        {
            Report(DiagnosticDescriptors.MethodNotFound, attribute.Location, "Compensation", name, state.Name, MachineName);
            return null;
        }

        foreach (var candidate in candidates)
        {
            var shape = MethodShape.Describe(candidate, _scopes);
            if (!shape.IsMalformed && shape.Result is null && DataParameterFits(shape, kind)) return shape.ToCall();
        }

        Report(DiagnosticDescriptors.CompensationSignature, attribute.Location, name, state.Name, ExpectedNoValue(kind));
        return null;
    }

    /// <summary>The run keeps completed compensable states in a fixed-size stack (no allocation); more than it holds is an error.</summary>
    private void CheckCompensationCount(IReadOnlyList<RawState> states)
    {
        var compensated = states.Where(s => s.Recovery?.Compensate is not null).ToList();
        if (compensated.Count <= RecoveryDefaults.MaxCompensatedStates) return;
        Report(DiagnosticDescriptors.InvalidOption, compensated[RecoveryDefaults.MaxCompensatedStates].Recovery!.Compensate!.Location,
            "The number of [Compensate] states", MachineName, RecoveryDefaults.MaxCompensatedStates + " or fewer");
    }
}
