namespace FsmGen.Generators.Tests.Sources;

internal static partial class MachineSources
{
    /// <summary>Event-driven: guards, a transition action, an exit action, both trigger policies set to Ignore, a bounded history.</summary>
    public const string EventDriven = """
        using FsmGen;

        namespace Demo;

        public enum PlayerTrigger { Play, Pause, Stop, Eject, Load }

        [StateMachine(Triggers = typeof(PlayerTrigger), UnknownTrigger = TriggerPolicy.Ignore, GuardFailure = TriggerPolicy.Ignore, History = 4)]
        public partial class Player
        {
            public bool HasDisc { get; set; } = true;

            public int Plays { get; private set; }

            [State(Start = true)]
            [Transition(To = nameof(Playing), On = PlayerTrigger.Play, When = nameof(DiscLoaded))]
            [Transition(To = nameof(Empty), On = PlayerTrigger.Eject, Transform = nameof(EjectDisc))]
            private void Stopped() { }

            [State(OnExit = nameof(LeavePlaying))]
            [Transition(To = nameof(Paused), On = PlayerTrigger.Pause)]
            [Transition(To = nameof(Stopped), On = PlayerTrigger.Stop)]
            private void Playing() => Plays++;

            [State]
            [Transition(To = nameof(Playing), On = PlayerTrigger.Play)]
            [Transition(To = nameof(Stopped), On = PlayerTrigger.Stop)]
            private void Paused() { }

            [State]
            [Transition(To = nameof(Stopped), On = PlayerTrigger.Load, When = nameof(DiscLoaded), Priority = 1)]
            private void Empty() { }

            private bool DiscLoaded() => HasDisc;

            private void EjectDisc() => HasDisc = false;

            private void LeavePlaying() { }
        }
        """;
}
