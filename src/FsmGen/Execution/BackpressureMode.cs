namespace FsmGen;

/// <summary>What <see cref="FlowStream"/> does with a new record when its buffer of not-yet-started records is full (seed option <c>backpressure</c>).</summary>
public enum BackpressureMode
{
    /// <summary>The source is not read again until there is room: nothing is lost, a slow consumer slows the source down.</summary>
    Wait = 0,

    /// <summary>The record that just arrived is dropped; the buffered ones are kept. Every drop is counted and reported.</summary>
    DropNewest = 1,

    /// <summary>The oldest buffered record is dropped to make room for the one that just arrived. Every drop is counted and reported.</summary>
    DropOldest = 2,

    /// <summary>The run stops with <see cref="StreamBufferFullException"/>.</summary>
    Fail = 3,
}
