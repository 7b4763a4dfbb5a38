using System.Collections.Concurrent;

namespace FsmGen.Tests.Execution;

/// <summary>Records progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
internal sealed class RecordingProgress : IProgress<BatchProgress>
{
    public ConcurrentQueue<BatchProgress> Reports { get; } = new();

    public void Report(BatchProgress value) => Reports.Enqueue(value);
}
