using System.Collections.Generic;
using System.Linq;
using FsmGen.Generators.Model;

namespace FsmGen.Generators.Emit;

/// <summary>
/// Writes a flat list of <see cref="FireStep"/>s twice, for the async fast paths of FireAsync and RunAsync:
/// <list type="bullet">
/// <item>as a synchronous fast path: each async member's task is taken as it is while it has completed successfully,
/// and the first one that has not is handed, with its number, to the continuation;</item>
/// <item>as that async continuation: a switch jumps to the await of the task it was handed, and every step after it runs
/// with awaits. The switch falls through to the first step (never taken), so all the code is reachable and every
/// label is used: a consumer treating warnings as errors sees neither CS0162 nor CS0164.</item>
/// </list>
/// </summary>
internal sealed class FlatSteps
{
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfBool = ValueTask + "<bool>";

    private readonly IReadOnlyList<FireStep> _steps;
    private readonly string? _valueTaskOfData;
    private readonly string _result;
    private readonly string _resume;
    private readonly string _carried;

    /// <param name="steps">The steps, in order.</param>
    /// <param name="dataType">The record type when bodies return it (data-flow), or null.</param>
    /// <param name="result">What the methods produce: bool for a fire, the FlowResult for a run.</param>
    /// <param name="resume">The continuation's name.</param>
    /// <param name="carried">The rest of the continuation's arguments, from the fast path's locals, e.g. ", trigger, strict, cancellationToken".</param>
    public FlatSteps(IReadOnlyList<FireStep> steps, string? dataType, string result, string resume, string carried)
    {
        _steps = steps;
        _valueTaskOfData = dataType is null ? null : ValueTask + "<" + dataType + ">";
        _result = result;
        _resume = resume;
        _carried = carried;
    }

    public bool HasAsyncSteps => _steps.Any(s => s.IsAsync);

    /// <summary>The continuation's parameters for the pending task, before the carried ones.</summary>
    public string PendingParameters =>
        "int resumeAt, " + (_valueTaskOfData is null ? "" : _valueTaskOfData + " pendingData, ") + ValueTaskOfBool + " pendingGuard, " + ValueTask + " pendingAction";

    /// <summary>Declares the fast path's locals for pending tasks, only those some step uses (an unused local is a warning).</summary>
    public static void DeclarePending(CodeWriter w, IEnumerable<FireStep> steps, string? dataType)
    {
        var asyncSteps = steps.Where(s => s.IsAsync).ToList();
        if (asyncSteps.Any(s => s.Kind == FireStepKind.AwaitData)) w.Line(ValueTask + "<" + dataType + "> pendingData;");
        if (asyncSteps.Any(s => s.Kind == FireStepKind.Guard)) w.Line(ValueTaskOfBool + " pendingGuard;");
        if (asyncSteps.Any(s => s.Kind == FireStepKind.AwaitAction)) w.Line(ValueTask + " pendingAction;");
    }

    public void WriteFast(CodeWriter w)
    {
        var site = 0;
        foreach (var step in _steps)
        {
            switch (step.Kind)
            {
                case FireStepKind.Statement or FireStepKind.Label:
                case FireStepKind.Guard when !step.IsAsync:
                    WriteSynchronous(w, step);
                    break;
                case FireStepKind.CheckCancellation:
                    w.Line("if (cancellationToken.IsCancellationRequested) return " + ValueTask + ".FromCanceled<" + _result + ">(cancellationToken);");
                    break;
                case FireStepKind.Return:
                    w.Line("return " + (step.FastCode ?? "new " + ValueTask + "<" + _result + ">(" + step.Code + ")") + ";");
                    break;
                case FireStepKind.Guard:
                    site++;
                    w.Line("pendingGuard = " + AsValueTask(step, ValueTaskOfBool) + ";");
                    w.Line("if (!pendingGuard.IsCompletedSuccessfully) return " + HandOver(site, data: "default", guard: "pendingGuard", action: "default") + ";");
                    w.Line("if (!pendingGuard.Result) goto " + step.Label + ";");
                    break;
                case FireStepKind.AwaitData:
                    site++;
                    w.Line("pendingData = " + AsValueTask(step, _valueTaskOfData!) + ";");
                    w.Line("if (!pendingData.IsCompletedSuccessfully) return " + HandOver(site, data: "pendingData", guard: "default", action: "default") + ";");
                    w.Line("data = pendingData.Result;");
                    break;
                case FireStepKind.AwaitAction:
                    site++;
                    w.Line("pendingAction = " + AsValueTask(step, ValueTask) + ";");
                    w.Line("if (!pendingAction.IsCompletedSuccessfully) return " + HandOver(site, data: "default", guard: "default", action: "pendingAction") + ";");
                    // Consumes the ValueTask (a pooled IValueTaskSource must be observed exactly once).
                    w.Line("pendingAction.GetAwaiter().GetResult();");
                    break;
            }
        }
    }

    /// <summary>The continuation's body (inside its method, and inside its try when it has one).</summary>
    public void WriteContinuation(CodeWriter w)
    {
        using (w.Block("switch (resumeAt)"))
        {
            var sites = _steps.Count(s => s.IsAsync);
            for (var k = 1; k <= sites; k++) w.Line("case " + Number(k) + ": goto resume" + Number(k) + ";");
        }

        var site = 0;
        foreach (var step in _steps)
        {
            switch (step.Kind)
            {
                case FireStepKind.Statement or FireStepKind.Label:
                case FireStepKind.Guard when !step.IsAsync:
                    WriteSynchronous(w, step);
                    break;
                case FireStepKind.CheckCancellation:
                    w.Line("cancellationToken.ThrowIfCancellationRequested();");
                    break;
                case FireStepKind.Return:
                    w.Line("return " + step.Code + ";");
                    break;
                case FireStepKind.Guard:
                    site++;
                    w.Line("pendingGuard = " + AsValueTask(step, ValueTaskOfBool) + ";");
                    w.Line("resume" + Number(site) + ":");
                    w.Line("if (!await pendingGuard.ConfigureAwait(false)) goto " + step.Label + ";");
                    break;
                case FireStepKind.AwaitData:
                    site++;
                    w.Line("pendingData = " + AsValueTask(step, _valueTaskOfData!) + ";");
                    w.Line("resume" + Number(site) + ":");
                    w.Line("data = await pendingData.ConfigureAwait(false);");
                    break;
                case FireStepKind.AwaitAction:
                    site++;
                    w.Line("pendingAction = " + AsValueTask(step, ValueTask) + ";");
                    w.Line("resume" + Number(site) + ":");
                    w.Line("await pendingAction.ConfigureAwait(false);");
                    break;
            }
        }
    }

    /// <summary>
    /// Writes the steps as one method body with every await inline (the async method of machines the fast path does not
    /// take) or, when none is async, as plain synchronous code (Run, RunOrThrow).
    /// </summary>
    public static void WriteInline(CodeWriter w, IEnumerable<FireStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case FireStepKind.Statement or FireStepKind.Label:
                case FireStepKind.Guard when !step.IsAsync:
                    WriteSynchronous(w, step);
                    break;
                case FireStepKind.CheckCancellation:
                    w.Line("cancellationToken.ThrowIfCancellationRequested();");
                    break;
                case FireStepKind.Return:
                    w.Line("return " + step.Code + ";");
                    break;
                case FireStepKind.Guard:
                    w.Line("if (!await " + step.Code + ".ConfigureAwait(false)) goto " + step.Label + ";");
                    break;
                case FireStepKind.AwaitData:
                    w.Line("data = await " + step.Code + ".ConfigureAwait(false);");
                    break;
                case FireStepKind.AwaitAction:
                    w.Line("await " + step.Code + ".ConfigureAwait(false);");
                    break;
            }
        }
    }

    /// <summary>The steps both paths write alike: statements, labels and synchronous guards.</summary>
    private static void WriteSynchronous(CodeWriter w, FireStep step) => w.Line(step.Kind switch
    {
        FireStepKind.Label => step.Label + ":",
        FireStepKind.Guard => "if (!" + step.Code + ") goto " + step.Label + ";",
        _ => step.Code,
    });

    private string HandOver(int site, string data, string guard, string action) =>
        _resume + "(" + Number(site) + ", " + (_valueTaskOfData is null ? "" : data + ", ") + guard + ", " + action + _carried + ")";

    /// <summary>Task-returning members are wrapped (no allocation) so one local type serves both.</summary>
    private static string AsValueTask(FireStep step, string valueTaskType) =>
        step.Awaitable == Awaitable.Task ? "new " + valueTaskType + "(" + step.Code + ")" : step.Code;

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
