namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Event-driven with two levels of composite states and exit actions on both levels.</summary>
    public const string Hierarchical = """
        using System.Collections.Generic;
        using FsmGen;

        namespace Demo;

        public enum PhoneTrigger { PowerOn, PowerOff, Dial, Connect, Hold, Resume, HangUp }

        [StateMachine(Triggers = typeof(PhoneTrigger))]
        public partial class Phone
        {
            public List<string> Log { get; } = new();

            [State(Start = true)]
            [Transition(To = nameof(Idle), On = PhoneTrigger.PowerOn)]
            private void Off() => Log.Add("off");

            [State(OnExit = nameof(PowerDown))]
            [Transition(To = nameof(Off), On = PhoneTrigger.PowerOff)]
            private void On() => Log.Add("on");

            [State(Parent = nameof(On))]
            [Transition(To = nameof(Ringing), On = PhoneTrigger.Dial)]
            private void Idle() => Log.Add("idle");

            [State(Parent = nameof(On), OnExit = nameof(EndCall))]
            [Transition(To = nameof(Idle), On = PhoneTrigger.HangUp)]
            private void InCall() => Log.Add("in call");

            [State(Parent = nameof(InCall))]
            [Transition(To = nameof(Talking), On = PhoneTrigger.Connect)]
            private void Ringing() => Log.Add("ringing");

            [State(Parent = nameof(InCall))]
            [Transition(To = nameof(OnHold), On = PhoneTrigger.Hold)]
            private void Talking() => Log.Add("talking");

            [State(Parent = nameof(InCall), OnExit = nameof(StopMusic))]
            [Transition(To = nameof(Talking), On = PhoneTrigger.Resume)]
            private void OnHold() => Log.Add("on hold");

            private void PowerDown() => Log.Add("exit on");

            private void EndCall() => Log.Add("exit in call");

            private void StopMusic() => Log.Add("exit on hold");
        }
        """;
}
