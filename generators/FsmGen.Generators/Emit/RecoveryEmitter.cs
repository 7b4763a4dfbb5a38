using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// Writes state-level error recovery: one Polly pipeline per recovered state per machine instance (created once, on
/// first use, by <c>StateRecovery.CreatePipeline</c>), the state body's call through it with Polly's state-passing
/// overloads (static lambdas: no closure, no per-call allocation), and the names of the saga bookkeeping of
/// data-flow runs. Machines without recovery get none of this, so their code is unchanged.
/// </summary>
internal static class RecoveryEmitter
{
    private const string Pipeline = "global::Polly.ResiliencePipeline";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

    /// <summary>Bits per entry of the compensation stack (a ulong), so it holds 16 compensable states.</summary>
    public const int StackEntryBits = 4;

    public static bool HasPipelines(MachineModel machine) => machine.States.Any(s => s.Recovery?.Pipeline is not null);

    /// <summary>The data-flow states with [Compensate], in declaration order: a state's position is its index in the run's bookkeeping.</summary>
    public static List<StateModel> Compensated(MachineModel machine) => machine.Kind == MachineKind.DataFlow
        ? machine.States.Where(s => s.Recovery?.Compensation is not null).ToList()
        : new List<StateModel>();

    public static void EmitMembers(CodeWriter w, MachineModel machine)
    {
        var recovered = machine.States.Where(s => s.Recovery?.Pipeline is not null).ToList();
        if (recovered.Count == 0) return;
        var name = machine.Hierarchy.Name;
        w.Line("private global::System.TimeProvider? _recoveryTimeProvider;");
        w.Line("private RecoveryPipelines? _recoveryPipelines;");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The clock of the retry delays, deadlines and circuit breakers of this machine's states (default <see cref=\"global::System.TimeProvider.System\"/>).");
        w.Line("/// Set it before the first run or Fire: each instance creates its pipelines once, on first use, with this clock.");
        w.Line("/// </summary>");
        using (w.Block("public global::System.TimeProvider RecoveryTimeProvider"))
        {
            w.Line("get => _recoveryTimeProvider ?? global::System.TimeProvider.System;");
            w.Line("set");
            w.Line("{");
            w.Indent();
            w.Line("if (value is null) throw new global::System.ArgumentNullException(nameof(value));");
            w.Line("if (_recoveryPipelines is not null) throw new global::System.InvalidOperationException(\"Set RecoveryTimeProvider of " + name + " before its first use: its recovery pipelines already exist.\");");
            w.Line("_recoveryTimeProvider = value;");
            w.Unindent();
            w.Line("}");
        }

        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (w.Block("private RecoveryPipelines CreateRecoveryPipelines()"))
        {
            w.Line("// Runs concurrently are allowed: the first set published wins, so every run of this instance shares one.");
            w.Line("var created = new RecoveryPipelines(RecoveryTimeProvider);");
            w.Line("return global::System.Threading.Interlocked.CompareExchange(ref _recoveryPipelines, created, null) ?? created;");
        }

        w.Line();
        w.Line("/// <summary>One pipeline per state with [Retry], [Deadline] or [CircuitBreaker], per machine instance: a circuit one instance opens does not open another's.</summary>");
        using (w.Block("private sealed class RecoveryPipelines"))
        {
            foreach (var state in recovered) w.Line("public readonly " + Pipeline + " " + FieldName(state) + ";");
            w.Line();
            using (w.Block("public RecoveryPipelines(global::System.TimeProvider time)"))
            {
                foreach (var state in recovered)
                {
                    var p = state.Recovery!.Pipeline!;
                    w.Line(FieldName(state) + " = global::FsmGen.Patterns.ErrorRecovery.StateRecovery.CreatePipeline(" + p.MaxRetries + ", " + p.DelayMilliseconds
                        + ", global::FsmGen.Patterns.ErrorRecovery.BackoffStrategy." + p.Backoff + ", " + p.DeadlineMilliseconds + ", " + p.BreakerThreshold + ", "
                        + p.BreakerOpenMilliseconds + ", time);");
                }
            }
        }

        w.Line();
    }

    /// <summary>
    /// The call of a data-flow state body through its pipeline, awaited on the async path; the record travels as Polly's
    /// callback state with the machine, so the lambda is static. Returns null for a state without a pipeline.
    /// </summary>
    public static string? DataFlowBody(StateModel state, string dataType, bool isAsync) => DataFlowBody(state, dataType, isAsync, awaited: true);

    /// <summary>As <see cref="DataFlowBody(StateModel, string, bool)"/>; async and not awaited: the ValueTask of <c>ExecuteAsync</c>.</summary>
    public static string? DataFlowBody(StateModel state, string dataType, bool isAsync, bool awaited)
    {
        if (state.Recovery is not { Pipeline: not null } recovery) return null;
        var body = state.Body;
        var needsMachine = !recovery.BodyIsStatic;
        string callbackState, receiver, data;
        if (needsMachine && body.TakesData) (callbackState, receiver, data) = ("(this, data)", "s.Item1", "s.Item2");
        else if (needsMachine) (callbackState, receiver, data) = ("this", "s", "");
        else if (body.TakesData) (callbackState, receiver, data) = ("data", "", "s");
        else (callbackState, receiver, data) = ("", "", "");
        return Through(state, callbackState, receiver, data, dataType, isAsync, "cancellationToken", awaited);
    }

    /// <summary>
    /// The call of an event-driven entry action through its pipeline, not awaited (async: the ValueTask of
    /// <c>ExecuteAsync</c>), or null for a state without one.
    /// </summary>
    public static string? EntryActionInvocation(StateModel state, bool isAsync, string cancellation)
    {
        if (state.Recovery is not { Pipeline: not null } recovery) return null;
        var needsMachine = !recovery.BodyIsStatic;
        return Through(state, needsMachine ? "this" : "", needsMachine ? "s" : "", "", dataType: null, isAsync, cancellation, awaited: false);
    }

    private static string Through(StateModel state, string callbackState, string receiver, string data, string? dataType, bool isAsync, string cancellation, bool awaited = true)
    {
        var body = state.Body;
        var arguments = string.Join(", ", new[] { body.TakesData ? data : null, body.TakesCancellation ? "ct" : null }.Where(a => a is not null));
        var call = (receiver.Length > 0 ? receiver + "." : "") + Identifier.Escape(body.Name) + "(" + arguments + ")";
        var parameters = callbackState.Length > 0 ? "static (s, ct) => " : "static ct => ";
        string lambda;
        if (!isAsync)
        {
            lambda = parameters + call;
        }
        else
        {
            var result = body.ReturnsValue ? ValueTask + "<" + dataType + ">" : ValueTask;
            lambda = body.Awaitable switch
            {
                Awaitable.ValueTask => parameters + call,
                Awaitable.Task => parameters + "new " + result + "(" + call + ")",
                _ when body.ReturnsValue => parameters + "new " + result + "(" + call + ")",
                _ => parameters + "{ " + call + "; return " + ValueTask + ".CompletedTask; }",
            };
        }

        var target = "(_recoveryPipelines ?? CreateRecoveryPipelines())." + FieldName(state);
        var arguments2 = (callbackState.Length > 0 ? callbackState + ", " : "") + cancellation;
        if (!isAsync) return target + ".Execute(" + lambda + ", " + arguments2 + ")";
        var pending = target + ".ExecuteAsync(" + lambda + ", " + arguments2 + ")";
        return awaited ? "await " + pending + ".ConfigureAwait(false)" : pending;
    }

    /// <summary>A suffix keeps the field from hiding an object member (a state named ToString) or being a keyword.</summary>
    private static string FieldName(StateModel state) => state.Name + "Pipeline";
}
