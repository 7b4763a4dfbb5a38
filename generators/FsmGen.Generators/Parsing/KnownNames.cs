namespace FsmGen.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator recognizes.</summary>
internal static class KnownNames
{
    public const string StateMachineAttribute = "FsmGen.StateMachineAttribute";
    public const string StateAttribute = "FsmGen.StateAttribute";
    public const string TransitionAttribute = "FsmGen.TransitionAttribute";
    public const string PatternAttribute = "FsmGen.PatternAttribute";
}
