namespace FsmGen.Tests.DataFlow;

/// <summary>The record the data-flow test machines work on; Trail records which bodies ran, in order.</summary>
public sealed record Ticket(int Priority, string Trail = "", decimal Amount = 0)
{
    public Ticket Visit(string name) => this with { Trail = Trail.Length == 0 ? name : Trail + ">" + name };
}
