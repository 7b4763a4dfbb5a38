namespace FsmGen.Patterns.FileProcessing;

/// <summary>Turns exceptions of user code (filters, transformations, rules) into record failures.</summary>
internal static class StageFailures
{
    /// <summary>A failure naming the culprit and the exception; the exception's message is the user's own text.</summary>
    public static StageFailure From(ProcessingStage stage, string culprit, Exception e) =>
        new(stage, null, $"{culprit} threw {e.GetType().Name}: {e.Message}");
}
