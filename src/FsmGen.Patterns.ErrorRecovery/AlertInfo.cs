namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>What <see cref="ErrorRecoveryConfig.OnAlert"/> is told when failures in a row reach the alert threshold.</summary>
/// <param name="WorkflowName">The workflow's <see cref="ErrorRecoveryConfig.Name"/>.</param>
/// <param name="ConsecutiveFailures">Failed executions in a row (equal to the threshold).</param>
/// <param name="LastError">The last execution's exception, or null when it failed by its result.</param>
public sealed record AlertInfo(string WorkflowName, int ConsecutiveFailures, Exception? LastError);
