using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static FsmGen.Generators.Tests.Support.Edits;

namespace FsmGen.Generators.Tests;

/// <summary>
/// A rerun of the generator after an edit must give exactly what a fresh run gives: same files (hint names and text) and
/// same diagnostics (id, severity, file, span, message). Today every matched class is parsed again whenever the
/// compilation changes; a cache that reuses a machine's previous parse while its class declaration node is unchanged is
/// only sound if nothing another file says can change that parse. Each case here edits one such thing in another file (a
/// record, an enum, a base class, a constant, a global using, a partial part, another machine, a reference, an option),
/// including things the machine never names (the "transitive" cases: a member type of its record, the base of its
/// exception type, a machine its subflow pushes), and checks, through observable behaviour only:
/// <list type="bullet">
/// <item>a driver warm on the old compilation, rerun on the new one, matches a new driver on the new one (and the same for
/// the undo of the edit);</item>
/// <item>the edit really changes the fresh output in the expected way (<see cref="Changes"/>), so a cache that wrongly
/// reused the old parse would fail the case; or, for the unrelated edits, that it changes nothing (<see cref="Neutral"/>).</item>
/// </list>
/// The machine lives in A.cs; the edited file is B.cs unless a case says otherwise; C.cs holds what neither needs to change.
/// </summary>
public sealed class IncrementalEquivalenceTests
{
    // ---------------------------------------------------------------- 1. the record type of a data-flow machine

    [Fact]
    public void RecordBecomesARecordStruct_NullableParameterStopsMatching()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order));
        var after = Edit(before, "B.cs", "public sealed record Order", "public readonly record struct Order");
        Changes(before, after, appears: "FSM0013");
    }

    [Fact]
    public void RecordFileIsRemoved_MachineStopsGenerating()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order));
        Changes(before, Remove(before, "B.cs"), disappears: "file: Demo.Flow.g.cs");
    }

    [Fact]
    public void RecordIsRenamed_MachineStopsGenerating()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order));
        var after = Edit(before, "B.cs", "record Order(", "record Purchase(");
        Changes(before, after, disappears: "file: Demo.Flow.g.cs");
    }

    // ---------------------------------------------------------------- 2. the trigger enum of an event-driven machine

    [Fact]
    public void TriggerEnumGainsAMember_ListedInAllTriggers()
    {
        var before = Compile(("A.cs", RerunSources.Door), ("B.cs", RerunSources.Signal));
        var after = Edit(before, "B.cs", "Open, Close", "Open, Close, Lock");
        Changes(before, after, appears: "global::Demo.Signal.Lock");
    }

    [Fact]
    public void TriggerEnumLosesTheMemberATransitionUses_MachineStopsGenerating()
    {
        var before = Compile(("A.cs", RerunSources.Door), ("B.cs", RerunSources.Signal));
        var after = Edit(before, "B.cs", "Open, Close", "Open");
        Changes(before, after, disappears: "file: Demo.Door.g.cs");
    }

    [Fact]
    public void TriggerEnumMembersShareAValue_TransitionIsNamedByTheFirst()
    {
        var before = Compile(("A.cs", RerunSources.Door), ("B.cs", RerunSources.Signal));
        var after = Edit(before, "B.cs", "Open, Close", "Open, Close = 0");
        Changes(before, after, disappears: "Opened --> Closed : Close");
    }

    [Fact]
    public void TriggerEnumBecomesAClass_TriggersNotEnum()
    {
        var before = Compile(("A.cs", RerunSources.Door), ("B.cs", RerunSources.Signal));
        var after = Replace(before, "B.cs", "namespace Demo;\n\npublic static class Signal { public const int Open = 0; public const int Close = 1; }\n");
        Changes(before, after, appears: "FSM0024");
    }

    // ---------------------------------------------------------------- 3. another partial declaration of the machine

    [Fact]
    public void OtherPartAddsAState_ItIsGenerated()
    {
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "    private static bool IsBig(", "    [State(End = true)]\n    private static void Archived(Order order) { }\n\n    private static bool IsBig(");
        Changes(before, after, appears: "Archived");
    }

    [Fact]
    public void OtherPartRemovesAStateAttribute_TargetIsNotAState()
    {
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "    [State]\n    [Transition(To = nameof(Done))]\n", "    [Transition(To = nameof(Done))]\n");
        Changes(before, after, appears: "FSM0004");
    }

    [Fact]
    public void OtherPartChangesTheGuardsReturnType_GuardSignature()
    {
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "private static bool IsBig(Order order) => order.Lines > 1;", "private static int IsBig(Order order) => order.Lines;");
        Changes(before, after, appears: "FSM0009");
    }

    [Fact]
    public void OtherPartChangesTheClassAccessibility_OutputIsTheSame()
    {
        // The generated part declares no accessibility, so "public" on the other part changes nothing observable.
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "public partial class Split", "internal partial class Split");
        Neutral(before, after);
    }

    [Fact]
    public void OtherPartBecomesStatic_UnsupportedClassShape()
    {
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "public partial class Split", "public static partial class Split");
        Changes(before, after, appears: "FSM0030");
    }

    [Fact]
    public void OtherPartDeclaresAMethodNamedNameof_NameofBecomesACall()
    {
        var before = SplitCompilation();
        var after = Edit(before, "B.cs", "    private static bool IsBig(", "    private static string nameof(object value) => \"Done\";\n\n    private static bool IsBig(");
        Changes(before, after, disappears: "file: Demo.Split.g.cs");
    }

    [Fact]
    public void OtherPartEarlierInTheCompilationGainsStateMachine_ItsArgumentsWin()
    {
        // CS0579, but the generator still parses the type once, from the declaration carrying the first attribute. B comes
        // first, so once B has the attribute, A's node (unchanged) must stop producing the machine and B's must produce it.
        var before = Compile(("B.cs", RerunSources.SplitRest), ("A.cs", RerunSources.SplitStart), ("C.cs", RerunSources.Order));
        var after = Edit(before, "B.cs", "public partial class Split", "[StateMachine(MaxSteps = 7)]\npublic partial class Split");
        Changes(before, after, appears: "more than 7 states");
    }

    [Fact]
    public void OtherPartEarlierInTheCompilationMovesDown_DiagnosticAtTheClassMoves()
    {
        // A type's first location is in the first file that declares it: FSM0031 (MaxSteps = 0) is reported in B, not A.
        var before = Compile(
            ("B.cs", RerunSources.SplitRest),
            ("A.cs", RerunSources.SplitStart.Replace("[StateMachine]", "[StateMachine(MaxSteps = 0)]", StringComparison.Ordinal)),
            ("C.cs", RerunSources.Order));
        var after = Edit(before, "B.cs", "namespace Demo;", "// a comment\n\nnamespace Demo;");
        var (coldBefore, _) = Changes(before, after, appears: "FSM0031 Error B.cs(7,");
        Assert.Contains("FSM0031 Error B.cs(5,", coldBefore);
    }

    // ---------------------------------------------------------------- 4. a base class of the machine

    [Fact]
    public void BaseClassGainsANestedRecordOfTheSameName_SignaturesBindToIt()
    {
        var before = DerivedCompilation("public abstract class Base\n{\n}\n");
        var after = Edit(before, "B.cs", "{\n}", "{\n    public sealed record Order(string Name);\n}");
        Changes(before, after, appears: "global::Demo.Base.Order");
    }

    [Fact]
    public void BaseClassGainsAMethodNamedNameof_NameofBecomesACall()
    {
        var before = DerivedCompilation("public abstract class Base\n{\n}\n");
        var after = Edit(before, "B.cs", "{\n}", "{\n    protected static string nameof(object value) => \"Done\";\n}");
        Changes(before, after, disappears: "file: Demo.Flow.g.cs");
    }

    [Fact]
    public void BaseClassGainsAPropertyNamedLikeTheTriggerEnum_TriggerStopsBinding()
    {
        var before = Compile(
            ("A.cs", RerunSources.Door.Replace("public partial class Door", "public partial class Door : Base", StringComparison.Ordinal)),
            ("B.cs", "namespace Demo;\n\npublic abstract class Base\n{\n}\n"),
            ("C.cs", RerunSources.Signal));
        var after = Edit(before, "B.cs", "{\n}", "{\n    protected static int Signal => 0;\n}");
        Changes(before, after, disappears: "file: Demo.Door.g.cs");
    }

    [Fact]
    public void BaseClassBecomesGeneric_OutputIsTheSame()
    {
        // CS0305 for the user, but nothing the generator reads comes from the base class itself (only through name lookup).
        var before = DerivedCompilation("public abstract class Base\n{\n}\n");
        var after = Edit(before, "B.cs", "class Base\n", "class Base<T>\n");
        Neutral(before, after);
    }

    // ---------------------------------------------------------------- 5. what an attribute name binds to

    [Fact]
    public void FileDeclaringStateAttributeInTheMachinesNamespaceIsAdded_StateStopsBindingToFsmGen()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("C.cs", RerunSources.Order));
        var after = Add(before, "B.cs", """
            namespace Demo;

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class StateAttribute : System.Attribute
            {
                public bool Start { get; set; }

                public bool End { get; set; }
            }
            """);
        Changes(before, after, appears: "FSM0027");
    }

    [Fact]
    public void NonAttributeTypeNamedStateDeclaredInTheMachinesNamespace_OutputIsTheSame()
    {
        // [State] considers only attribute classes, so Demo.State does not hide FsmGen.StateAttribute (the syntax reader,
        // which sees a symbol named State, binds the attribute instead and must reach the same answer).
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", "namespace Demo;\n"), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "namespace Demo;\n\npublic sealed class State\n{\n}\n");
        Neutral(before, after);
    }

    [Fact]
    public void GlobalUsingOfFsmGenIsRemoved_NothingIsGenerated()
    {
        var before = Compile(("A.cs", RerunSources.Flow.Replace("using FsmGen;\n", "", StringComparison.Ordinal)), ("B.cs", "global using FsmGen;\n"), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "\n");
        Changes(before, after, disappears: "file: Demo.Flow.g.cs");
    }

    [Fact]
    public void GlobalUsingAliasNamedStateAttribute_StateStopsBindingToFsmGen()
    {
        const string marker = """
            namespace Demo.Marks
            {
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class Marker : System.Attribute
                {
                    public bool Start { get; set; }

                    public bool End { get; set; }
                }
            }
            """;
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", marker), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "global using StateAttribute = Demo.Marks.Marker;\n\n" + marker);
        Changes(before, after, appears: "FSM0027");
    }

    [Fact]
    public void NestedNamespaceNamedFsmGen_CapturesAQualifiedStateAttribute()
    {
        // Inside namespace Demo, "FsmGen.State" looks in Demo.FsmGen before the global FsmGen.
        var qualified = RerunSources.Flow.Replace("[State(", "[FsmGen.State(", StringComparison.Ordinal).Replace("[State]", "[FsmGen.State]", StringComparison.Ordinal);
        var before = Compile(("A.cs", qualified), ("B.cs", "namespace Demo;\n"), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", """
            namespace Demo.FsmGen;

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class StateAttribute : System.Attribute
            {
                public bool Start { get; set; }

                public bool End { get; set; }
            }
            """);
        Changes(before, after, appears: "FSM0027");
    }

    [Fact]
    public void GlobalUsingStaticBringsAMethodNamedNameof_NameofBecomesACall()
    {
        const string names = "namespace Demo;\n\npublic static class Names\n{\n    public static string nameof(object value) => \"Done\";\n}\n";
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", names), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "global using static Demo.Names;\n\n" + names);
        Changes(before, after, disappears: "file: Demo.Flow.g.cs");
    }

    [Fact]
    public void GlobalUsingAliasOfTheRecordPointsElsewhere_DataTypeChanges()
    {
        var aliased = RerunSources.Flow.Replace("Order", "Item", StringComparison.Ordinal);
        var before = Compile(
            ("A.cs", aliased),
            ("B.cs", "global using Item = Demo.Order;\n"),
            ("C.cs", "namespace Demo;\n\npublic sealed record Order(int Lines);\n\npublic sealed record Invoice(int Lines);\n"));
        var after = Replace(before, "B.cs", "global using Item = Demo.Invoice;\n");
        Changes(before, after, appears: "global::Demo.Invoice");
    }

    // ---------------------------------------------------------------- 6. a type that shadows or makes ambiguous one the machine uses

    [Fact]
    public void TaskDeclaredInTheMachinesNamespace_AsyncStateStopsBeingAsync()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", "namespace Demo;\n"), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "namespace Demo;\n\npublic sealed class Task<T>\n{\n}\n");
        Changes(before, after, appears: "FSM0013");
    }

    [Fact]
    public void CancellationTokenDeclaredInTheMachinesNamespace_StateSignatureBreaks()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", "namespace Demo;\n"), ("C.cs", RerunSources.Order));
        var after = Replace(before, "B.cs", "namespace Demo;\n\npublic struct CancellationToken\n{\n}\n");
        Changes(before, after, appears: "FSM0011");
    }

    [Fact]
    public void RecordDeclaredInAnEnclosingNamespace_ShadowsTheImportedOne()
    {
        var before = ImportedOrderCompilation("namespace Demo;\n");
        var after = Replace(before, "B.cs", "namespace Demo;\n\npublic sealed record Order(string Name);\n");
        Changes(before, after, appears: "global::Demo.Order");
    }

    [Fact]
    public void RecordDeclaredInAnotherImportedNamespace_MakesTheNameAmbiguous()
    {
        var before = ImportedOrderCompilation("namespace Extra;\n");
        var after = Replace(before, "B.cs", "namespace Extra;\n\npublic sealed record Order(string Name);\n");
        Changes(before, after, disappears: "file: Demo.Machines.Flow.g.cs");
    }

    [Fact]
    public void ContainingTypesOtherPartDeclaresARecordOfTheSameName_SignaturesBindToIt()
    {
        // The machine is nested in Approvals.Policies; Request is Approvals.Request until Policies' other part declares one.
        var before = Compile(("A.cs", MachineSources.Nested), ("B.cs", "namespace Demo.Workflows;\n\npublic static partial class Approvals\n{\n    internal partial record Policies\n    {\n    }\n}\n"));
        var after = Edit(before, "B.cs", "    {\n    }", "    {\n        public sealed record Request(string Who, decimal Amount, bool Approved);\n    }");
        Changes(before, after, appears: "global::Demo.Workflows.Approvals.Policies.Request");
    }

    // ---------------------------------------------------------------- 7. a constant used in an attribute argument

    [Fact]
    public void MaxStepsConstantChanges_GeneratedLimitChanges()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "MaxSteps = 50;", "MaxSteps = 60;");
        Changes(before, after, appears: "more than 60 states");
    }

    [Fact]
    public void MaxStepsConstantBecomesZero_InvalidOption()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "MaxSteps = 50;", "MaxSteps = 0;");
        Changes(before, after, appears: "FSM0031");
    }

    [Fact]
    public void HistoryConstantChanges_HistorySizeChanges()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "History = 3;", "History = 5;");
        Changes(before, after, appears: "The last 5 transitions");
    }

    [Fact]
    public void PriorityConstantChanges_TransitionsAreTriedInAnotherOrder()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "SmallFirst = 0;", "SmallFirst = 2;");
        Changes(before, after, appears: "new global::FsmGen.TransitionEdge(\"Received\", \"Small\", null, \"IsSmall\", 2,");
    }

    [Fact]
    public void TargetConstantNamesNoState_UnknownTarget()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "Otherwise = \"Done\";", "Otherwise = \"Nowhere\";");
        Changes(before, after, appears: "FSM0004");
    }

    [Fact]
    public void RetryConstantChanges_RecoveryPipelineChanges()
    {
        var before = LimitedCompilation();
        var after = Edit(before, "B.cs", "Retries = 2;", "Retries = 9;");
        Changes(before, after, appears: "StateRecovery.CreatePipeline(9,");
    }

    [Fact]
    public void TriggerPolicyConstantChanges_UnknownTriggersAreIgnored()
    {
        var before = Compile(
            ("A.cs", RerunSources.Door.Replace("Triggers = typeof(Signal)", "Triggers = typeof(Signal), UnknownTrigger = Policies.Unknown", StringComparison.Ordinal)),
            ("B.cs", "using FsmGen;\n\nnamespace Demo;\n\npublic static class Policies\n{\n    public const TriggerPolicy Unknown = TriggerPolicy.Throw;\n}\n"),
            ("C.cs", RerunSources.Signal));
        var after = Edit(before, "B.cs", "TriggerPolicy.Throw", "TriggerPolicy.Ignore");
        Changes(before, after, disappears: "return Unhandled(trigger, strict);");
    }

    // ---------------------------------------------------------------- 8. another machine pushed as a subflow

    [Fact]
    public void PushedMachineBecomesAsync_PushingMachineAwaitsIt()
    {
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "private static Cart Charged(Cart cart) => cart;", "private static System.Threading.Tasks.Task<Cart> Charged(Cart cart) => System.Threading.Tasks.Task.FromResult(cart);");
        Changes(before, after, appears: "_subflow_Demo_Payment ??= new global::Demo.Payment()).RunAsync(");
    }

    [Fact]
    public void PushedMachineBecomesEventDriven_InvalidPushTarget()
    {
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "[StateMachine]", "public enum Pay { Go }\n\n[StateMachine(Triggers = typeof(Pay))]");
        Changes(before, after, appears: "is an event-driven machine");
    }

    [Fact]
    public void PushedMachineLosesItsParameterlessConstructor_InvalidPushTarget()
    {
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "    [State(Start = true)]", "    public Payment(int seed) { }\n\n    [State(Start = true)]");
        Changes(before, after, appears: "needs an accessible parameterless constructor");
    }

    [Fact]
    public void PushedMachineWorksOnAnotherRecord_InvalidPushTarget()
    {
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "Cart", "Parcel");
        Changes(before, after, appears: "works on 'Demo.Parcel'");
    }

    [Fact]
    public void PushedMachinePushesBack_InvalidPushTarget()
    {
        // Each machine finds the cycle inside its parse of the other, and names it.
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "[Transition(To = nameof(Charged))]", "[Transition(To = nameof(Charged), Push = typeof(Checkout))]");
        Changes(before, after, appears: "pushes back into 'Checkout' through its own pushes");
    }

    [Fact]
    public void PushedMachineLosesItsStartState_InvalidPushTarget()
    {
        var before = CheckoutCompilation();
        var after = Edit(before, "B.cs", "[State(Start = true)]", "[State]");
        Changes(before, after, appears: "is not a valid state machine");
    }

    // ---------------------------------------------------------------- 9. references and options

    [Fact]
    public void FsmGenReferenceIsRemoved_NothingIsGenerated()
    {
        var before = Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order));
        var after = before.RemoveReferences(Reference(before, "FsmGen.dll"));
        Changes(before, after, disappears: "file: Demo.Flow.g.cs");
    }

    [Fact]
    public void ErrorRecoveryReferenceIsRemoved_RetryIsNoLongerRead()
    {
        var before = LimitedCompilation();
        var after = before.RemoveReferences(Reference(before, "FsmGen.Patterns.ErrorRecovery.dll"));
        Changes(before, after, disappears: "StateRecovery.CreatePipeline(");
    }

    [Fact]
    public void ReferencedLibrarysTriggerEnumGainsAMember_ListedInAllTriggers()
    {
        var door = RerunSources.Door.Replace("using FsmGen;", "using FsmGen;\nusing Lib;", StringComparison.Ordinal);
        var version1 = Library("Lib", "namespace Lib;\n\npublic enum Signal { Open, Close }\n");
        var version2 = Library("Lib", "namespace Lib;\n\npublic enum Signal { Open, Close, Lock }\n");
        var before = Compile(("A.cs", door)).AddReferences(version1);
        var after = before.ReplaceReference(version1, version2);
        Changes(before, after, appears: "global::Lib.Signal.Lock");
    }

    [Fact]
    public void ReferencedLibrarysRecordGainsAProperty_PatternReadsIt()
    {
        var paid = RerunSources.PaidOrders.Replace("using FsmGen;", "using FsmGen;\nusing Lib;", StringComparison.Ordinal);
        var version1 = Library("Lib", "namespace Lib;\n\npublic sealed record Order(long Id, decimal Amount, string Status);\n");
        var version2 = Library("Lib", "namespace Lib;\n\npublic sealed record Order(long Id, decimal Amount, string Status, string Region);\n");
        var before = Compile(("A.cs", paid)).AddReferences(version1);
        var after = before.ReplaceReference(version1, version2);
        Changes(before, after, appears: "Region");
    }

    [Fact]
    public void NullableContextIsDisabled_OutputIsTheSame()
    {
        // "string?" stays annotated (with CS8632) and oblivious "string" displays as "string": nothing the templates read changes.
        var before = Compile(("A.cs", RerunSources.CustomerLoad), ("B.cs", RerunSources.Customer));
        var after = before.WithOptions(before.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        Neutral(before, after);
    }

    [Fact]
    public void AssemblyNameChanges_OutputIsTheSame()
    {
        var before = Compile(("A.cs", RerunSources.PaidOrders), ("B.cs", RerunSources.FileOrder));
        var after = before.WithAssemblyName("Renamed");
        Neutral(before, after);
    }

    [Fact]
    public void WarningIsMadeAnErrorByOptions_DiagnosticSeverityChanges()
    {
        var before = UnreachableCompilation();
        var after = before.WithOptions(before.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["FSM0005"] = ReportDiagnostic.Error }));
        Changes(before, after, appears: "FSM0005 Error");
    }

    [Fact]
    public void WarningIsSuppressedByOptions_DiagnosticDisappears()
    {
        var before = UnreachableCompilation();
        var after = before.WithOptions(before.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["FSM0005"] = ReportDiagnostic.Suppress }));
        Changes(before, after, disappears: "FSM0005");
    }

    [Fact]
    public void AllWarningsAreMadeErrorsByOptions_DiagnosticSeverityChanges()
    {
        var before = UnreachableCompilation();
        var after = before.WithOptions(before.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Changes(before, after, appears: "FSM0005 Error (warning as error)");
    }

    // ---------------------------------------------------------------- 10. [Pattern] classes

    [Fact]
    public void FileProcessingRecordGainsAProperty_ReaderReadsIt()
    {
        var before = Compile(("A.cs", RerunSources.PaidOrders), ("B.cs", RerunSources.FileOrder));
        var after = Edit(before, "B.cs", "string Status)", "string Status, string Region)");
        Changes(before, after, appears: "Region");
    }

    [Fact]
    public void FileProcessingRecordMemberBecomesUnsupported_PatternRecordType()
    {
        var before = Compile(("A.cs", RerunSources.PaidOrders), ("B.cs", RerunSources.FileOrder));
        var after = Edit(before, "B.cs", "long Id", "object Id");
        Changes(before, after, appears: "FSM0038");
    }

    [Fact]
    public void EtlRecordMemberGainsAColumnName_LoaderUsesIt()
    {
        var before = Compile(("A.cs", RerunSources.CustomerLoad), ("B.cs", RerunSources.Customer));
        var after = Edit(before, "B.cs", "string Email,", "[property: Column(\"customer_email\")] string Email,");
        Changes(before, after, appears: "customer_email");
    }

    [Fact]
    public void EtlRecordBecomesAbstract_PatternRecordType()
    {
        var before = Compile(("A.cs", RerunSources.CustomerLoad), ("B.cs", RerunSources.Customer));
        var after = Edit(before, "B.cs", "public sealed record Customer", "public abstract record Customer");
        Changes(before, after, appears: "FSM0038");
    }

    [Fact]
    public void PatternNameConstantChanges_UnknownPattern()
    {
        var before = Compile(
            ("A.cs", RerunSources.PaidOrders.Replace("[Pattern(\"FileProcessing\")]", "[Pattern(Names.Pattern)]", StringComparison.Ordinal)),
            ("B.cs", "namespace Demo.Files;\n\npublic static class Names\n{\n    public const string Pattern = \"FileProcessing\";\n}\n"),
            ("C.cs", RerunSources.FileOrder));
        var after = Edit(before, "B.cs", "= \"FileProcessing\"", "= \"FileProcesing\"");
        Changes(before, after, appears: "FSM0022");
    }

    [Fact]
    public void ValidateFieldConstantChanges_ReportedFieldChanges()
    {
        var before = Compile(
            ("A.cs", RerunSources.CustomerLoad.Replace("Field = \"email\"", "Field = Names.Field", StringComparison.Ordinal)),
            ("B.cs", "namespace Demo.Etl;\n\npublic static class Names\n{\n    public const string Field = \"email\";\n}\n"),
            ("C.cs", RerunSources.Customer));
        var after = Edit(before, "B.cs", "= \"email\"", "= \"e_mail\"");
        Changes(before, after, appears: "e_mail");
    }

    [Fact]
    public void SlotAttributeOfATemplateChangesItsConstructor_StepsAreNoLongerFound()
    {
        // The test-only Linear template reads [Step(int)] by name; with a long constructor argument it finds no step.
        var before = Compile(("A.cs", MachineSources.LinearPattern), ("B.cs", MachineSources.StepAttribute));
        var after = Edit(Edit(before, "B.cs", "StepAttribute(int order)", "StepAttribute(long order)"), "B.cs", "public int Order", "public long Order");
        Changes(before, after, disappears: "file: Demo.Pipeline.g.cs");
    }

    [Fact]
    public void GlobalUsingMakesASlotAttributeAmbiguous_SlotIsNoLongerFound()
    {
        // FsmGen.Patterns.Etl has a [Transform] too: with both namespaces imported, [Transform] binds to neither.
        var before = Compile(("A.cs", RerunSources.PaidOrders), ("B.cs", "namespace Demo.Files;\n"), ("C.cs", RerunSources.FileOrder));
        var after = Replace(before, "B.cs", "global using FsmGen.Patterns.Etl;\n\nnamespace Demo.Files;\n");
        Changes(before, after, disappears: "Tax(");
    }

    [Fact]
    public void PatternClassGainsStateMachineOnItsOtherPart_UnsupportedClassShape()
    {
        var before = Compile(("A.cs", RerunSources.PaidOrders), ("B.cs", "namespace Demo.Files;\n\npublic partial class PaidOrders\n{\n}\n"), ("C.cs", RerunSources.FileOrder));
        var after = Edit(before, "B.cs", "public partial class PaidOrders", "[FsmGen.StateMachine]\npublic partial class PaidOrders");
        Changes(before, after, appears: "FSM0030");
    }

    // ---------------------------------------------------------------- transitive: B changes something A never names

    [Fact]
    public void EnumOfARecordMemberBecomesAClass_PatternRecordType()
    {
        // A names Order (in C); only Order names Level (in B).
        var before = Compile(
            ("A.cs", RerunSources.PaidOrders),
            ("B.cs", "namespace Demo.Files;\n\npublic enum Level { Low, High }\n"),
            ("C.cs", RerunSources.FileOrder.Replace("string Status)", "string Status, Level Level)", StringComparison.Ordinal)));
        var after = Replace(before, "B.cs", "namespace Demo.Files;\n\npublic sealed class Level\n{\n}\n");
        Changes(before, after, appears: "FSM0038");
    }

    [Fact]
    public void BaseRecordOfTheRecordGainsAProperty_PatternReadsIt()
    {
        var before = Compile(
            ("A.cs", RerunSources.PaidOrders),
            ("B.cs", "namespace Demo.Files;\n\npublic abstract record Audited\n{\n}\n"),
            ("C.cs", RerunSources.FileOrder.Replace("string Status);", "string Status) : Audited;", StringComparison.Ordinal)));
        var after = Edit(before, "B.cs", "{\n}", "{\n    public string? Region { get; init; }\n}");
        Changes(before, after, appears: "Region");
    }

    [Fact]
    public void ConstantBehindTheTriggerEnumsValuesChanges_TransitionIsNamedByTheFirst()
    {
        var before = Compile(
            ("A.cs", RerunSources.Door),
            ("B.cs", "namespace Demo;\n\npublic static class Codes\n{\n    public const int Open = 0;\n    public const int Close = 1;\n}\n"),
            ("C.cs", "namespace Demo;\n\npublic enum Signal { Open = Codes.Open, Close = Codes.Close }\n"));
        var after = Edit(before, "B.cs", "Close = 1;", "Close = 0;");
        Changes(before, after, disappears: "Opened --> Closed : Close");
    }

    [Fact]
    public void BaseOfTheFailureExceptionStopsBeingAnException_InvalidExceptionType()
    {
        var flow = RerunSources.Flow.Replace(
            "[Transition(To = nameof(Done))]\n    private static Task<Order>",
            "[Transition(To = nameof(Done))]\n    [Transition(To = nameof(Done), OnFailure = true, Exception = typeof(PricingException))]\n    private static Task<Order>",
            StringComparison.Ordinal);
        var before = Compile(
            ("A.cs", flow),
            ("B.cs", "namespace Demo;\n\npublic abstract class PricingBase : System.Exception\n{\n}\n"),
            ("C.cs", RerunSources.Order + "\n\npublic sealed class PricingException : PricingBase\n{\n}\n"));
        var after = Edit(before, "B.cs", "PricingBase : System.Exception", "PricingBase");
        Changes(before, after, appears: "FSM0029");
    }

    [Fact]
    public void ConstantBehindAConstantChanges_GeneratedLimitChanges()
    {
        var before = Compile(
            ("A.cs", RerunSources.Limited),
            ("B.cs", "namespace Demo;\n\npublic static class Defaults\n{\n    public const int MaxSteps = 50;\n}\n"),
            ("C.cs", RerunSources.Limits.Replace("MaxSteps = 50;", "MaxSteps = Defaults.MaxSteps;", StringComparison.Ordinal) + "\n" + RerunSources.Order.Replace("namespace Demo;", "", StringComparison.Ordinal)));
        var after = Edit(before, "B.cs", "MaxSteps = 50;", "MaxSteps = 60;");
        Changes(before, after, appears: "more than 60 states");
    }

    [Fact]
    public void SubflowOfThePushedMachineBecomesAsync_PushingMachineAwaits()
    {
        // Checkout (A) pushes Payment (C), which pushes Fraud (B): only Fraud changes.
        var payment = RerunSources.Payment.Replace("[Transition(To = nameof(Charged))]", "[Transition(To = nameof(Charged), Push = typeof(Fraud))]", StringComparison.Ordinal);
        var fraud = RerunSources.Payment.Replace("Payment", "Fraud", StringComparison.Ordinal);
        var before = Compile(("A.cs", RerunSources.Checkout), ("B.cs", fraud), ("C.cs", payment), ("D.cs", RerunSources.Carts));
        var after = Edit(before, "B.cs", "private static Cart Charged(Cart cart) => cart;", "private static System.Threading.Tasks.Task<Cart> Charged(Cart cart) => System.Threading.Tasks.Task.FromResult(cart);");
        Changes(before, after, appears: "_subflow_Demo_Payment ??= new global::Demo.Payment()).RunAsync(");
    }

    // ---------------------------------------------------------------- 11. edits that change nothing, and edits of A itself

    [Fact]
    public void UnrelatedFileIsAdded_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Add(before, "D.cs", "namespace Elsewhere;\n\npublic sealed record Note(string Text);\n"));
    }

    [Fact]
    public void UnrelatedFileIsEdited_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Edit(before, "C.cs", "public int Value { get; set; }", "public string Name { get; set; } = \"\";\n\n    public int Value { get; set; }"));
    }

    [Fact]
    public void UnrelatedFileIsRemoved_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Remove(before, "C.cs"));
    }

    [Fact]
    public void RecordFileGainsAnUnrelatedType_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Edit(before, "B.cs", "public sealed record Order(int Lines);", "public sealed record Order(int Lines);\n\npublic sealed class Shipment\n{\n}"));
    }

    [Fact]
    public void RecordGainsAMethod_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Edit(before, "B.cs", "public sealed record Order(int Lines);", "public sealed record Order(int Lines)\n{\n    public bool IsEmpty() => Lines == 0;\n}"));
    }

    [Fact]
    public void StateBodyInTheMachinesFileIsEdited_OutputIsTheSame()
    {
        var before = UnrelatedCompilation();
        Neutral(before, Edit(before, "A.cs", "private static Order Received(Order order) => order;", "private static Order Received(Order order) => order with { Lines = order.Lines + 1 };"));
    }

    [Fact]
    public void MachinesFileGainsAState_ItIsGenerated()
    {
        var before = UnrelatedCompilation();
        var after = Edit(before, "A.cs", "    private static bool IsBig(", "    [State(End = true)]\n    private static void Archived(Order order) { }\n\n    private static bool IsBig(");
        Changes(before, after, appears: "Archived");
    }

    [Fact]
    public void MachinesFileGainsALineAboveTheMachine_WarningMoves()
    {
        var before = UnreachableCompilation();
        var after = Edit(before, "A.cs", "namespace Demo;", "namespace Demo;\n");
        var (coldBefore, coldAfter) = Changes(before, after);
        Assert.Contains("FSM0005", coldBefore);
        Assert.Contains("FSM0005", coldAfter);
    }

    // ---------------------------------------------------------------- 12. sequences on one warm driver

    [Fact]
    public void RecordEditedThenMachineEditedThenRecordRestored_EveryStepMatchesAColdRun()
    {
        var original = Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order));
        var asStruct = Edit(original, "B.cs", "public sealed record Order", "public readonly record struct Order");
        var stateAdded = Edit(asStruct, "A.cs", "    private static bool IsBig(", "    [State(End = true)]\n    private static void Archived(Order order) { }\n\n    private static bool IsBig(");
        var recordRestored = Replace(stateAdded, "B.cs", RerunSources.Order);
        var stateRemoved = Replace(recordRestored, "A.cs", RerunSources.Flow);

        var observed = RerunEquivalence.AssertWarmSequenceEqualsColdRuns(original, asStruct, stateAdded, recordRestored, stateRemoved, asStruct, original);

        Assert.Contains("FSM0013", observed[1]);
        Assert.Contains("Archived", observed[3]);
        Assert.Equal(observed[0], observed[4]);
        Assert.Equal(observed[1], observed[5]);
        Assert.Equal(observed[0], observed[6]);
    }

    [Fact]
    public void TriggerEnumAndOtherPartEditedInTurn_EveryStepMatchesAColdRun()
    {
        var original = Compile(("A.cs", RerunSources.Door), ("B.cs", RerunSources.Signal));
        var memberAdded = Edit(original, "B.cs", "Open, Close", "Open, Close, Lock");
        var partAdded = Add(memberAdded, "C.cs", "using FsmGen;\n\nnamespace Demo;\n\npublic partial class Door\n{\n    [State]\n    [Transition(To = nameof(Closed), On = Signal.Lock)]\n    private void Locked() { }\n}\n");
        var memberRemoved = Replace(partAdded, "B.cs", RerunSources.Signal);
        var partRemoved = Remove(memberRemoved, "C.cs");

        var observed = RerunEquivalence.AssertWarmSequenceEqualsColdRuns(original, memberAdded, partAdded, memberRemoved, partRemoved, memberAdded, original);

        Assert.Contains("global::Demo.Signal.Lock", observed[1]);
        Assert.Contains("Locked", observed[2]);
        Assert.DoesNotContain("file: Demo.Door.g.cs", observed[3]);
        Assert.Equal(observed[0], observed[4]);
        Assert.Equal(observed[1], observed[5]);
        Assert.Equal(observed[0], observed[6]);
    }

    [Fact]
    public void ReferencesAndOptionsToggled_EveryStepMatchesAColdRun()
    {
        var original = UnreachableCompilation();
        var fsmGen = Reference(original, "FsmGen.dll");
        var withoutRuntime = original.RemoveReferences(fsmGen);
        var runtimeBack = withoutRuntime.AddReferences(fsmGen);
        var warningsAsErrors = runtimeBack.WithOptions(runtimeBack.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var recordEdited = Edit(warningsAsErrors, "B.cs", "public sealed record Order", "public readonly record struct Order");
        var optionsBack = recordEdited.WithOptions(original.Options);
        var recordBack = Replace(optionsBack, "B.cs", RerunSources.Order);

        var observed = RerunEquivalence.AssertWarmSequenceEqualsColdRuns(original, withoutRuntime, runtimeBack, warningsAsErrors, recordEdited, optionsBack, recordBack);

        Assert.DoesNotContain("file: ", observed[1]);
        Assert.Equal(observed[0], observed[2]);
        Assert.Contains("FSM0005 Error (warning as error)", observed[3]);
        Assert.Contains("FSM0013", observed[4]);
        Assert.Equal(observed[0], observed[6]);
    }

    // ---------------------------------------------------------------- the two kinds of case

    /// <summary>
    /// The edit and its undo rerun like cold runs, and the edit changes the cold output: <paramref name="appears"/> is in
    /// it only after, <paramref name="disappears"/> only before. A cache that reused the old parse would fail here.
    /// </summary>
    private static (string Before, string After) Changes(Compilation before, Compilation after, string? appears = null, string? disappears = null)
    {
        var (coldBefore, coldAfter) = RerunEquivalence.AssertEditAndUndoRerunLikeColdRuns(before, after);
        Assert.True(coldBefore != coldAfter, "The edit was meant to change the generator's output, but a cold run gives the same before and after:" + Environment.NewLine + coldAfter);
        if (appears is not null)
        {
            Assert.True(!coldBefore.Contains(appears, StringComparison.Ordinal), "'" + appears + "' is there before the edit:" + Environment.NewLine + coldBefore);
            Assert.True(coldAfter.Contains(appears, StringComparison.Ordinal), "'" + appears + "' is not there after the edit:" + Environment.NewLine + coldAfter);
        }

        if (disappears is not null)
        {
            Assert.True(coldBefore.Contains(disappears, StringComparison.Ordinal), "'" + disappears + "' is not there before the edit:" + Environment.NewLine + coldBefore);
            Assert.True(!coldAfter.Contains(disappears, StringComparison.Ordinal), "'" + disappears + "' is still there after the edit:" + Environment.NewLine + coldAfter);
        }

        return (coldBefore, coldAfter);
    }

    /// <summary>The edit and its undo rerun like cold runs, and the edit changes nothing a cold run shows.</summary>
    private static void Neutral(Compilation before, Compilation after)
    {
        var (coldBefore, coldAfter) = RerunEquivalence.AssertEditAndUndoRerunLikeColdRuns(before, after);
        RerunEquivalence.AssertSame(coldBefore, coldAfter, "an edit meant to change nothing (here 'warm' is the edited compilation's cold run)");
        Assert.Contains("file: ", coldAfter);
    }

    // ---------------------------------------------------------------- compilations shared by several cases

    /// <summary>Split: A has [StateMachine] and the start state, B the other states and the guard, C the record.</summary>
    private static CSharpCompilation SplitCompilation() =>
        Compile(("A.cs", RerunSources.SplitStart), ("B.cs", RerunSources.SplitRest), ("C.cs", RerunSources.Order));

    /// <summary>Flow deriving from Base (B, given), with the record in C.</summary>
    private static CSharpCompilation DerivedCompilation(string baseClass) => Compile(
        ("A.cs", RerunSources.Flow.Replace("public partial class Flow", "public partial class Flow : Base", StringComparison.Ordinal)),
        ("B.cs", "namespace Demo;\n\n" + baseClass),
        ("C.cs", RerunSources.Order));

    /// <summary>Flow in namespace Demo.Machines, importing Shared (where Order is, in C) and Extra; B is given.</summary>
    private static CSharpCompilation ImportedOrderCompilation(string b) => Compile(
        ("A.cs", RerunSources.Flow.Replace("using FsmGen;", "using FsmGen;\nusing Extra;\nusing Shared;", StringComparison.Ordinal).Replace("namespace Demo;", "namespace Demo.Machines;", StringComparison.Ordinal)),
        ("B.cs", b),
        ("C.cs", "namespace Shared;\n\npublic sealed record Order(int Lines);\n"),
        ("D.cs", "namespace Extra;\n\npublic sealed class Placeholder\n{\n}\n"));

    /// <summary>Limited (A) with its constants in B and the record in C.</summary>
    private static CSharpCompilation LimitedCompilation() =>
        Compile(("A.cs", RerunSources.Limited), ("B.cs", RerunSources.Limits), ("C.cs", RerunSources.Order));

    /// <summary>Checkout (A) pushing Payment (B), the records in C.</summary>
    private static CSharpCompilation CheckoutCompilation() =>
        Compile(("A.cs", RerunSources.Checkout), ("B.cs", RerunSources.Payment), ("C.cs", RerunSources.Carts));

    /// <summary>Flow (A), its record (B) and a file nothing uses (C).</summary>
    private static CSharpCompilation UnrelatedCompilation() =>
        Compile(("A.cs", RerunSources.Flow), ("B.cs", RerunSources.Order), ("C.cs", RerunSources.Unrelated));

    /// <summary>Flow with an end state nothing reaches (FSM0005, a warning), the record in B.</summary>
    private static CSharpCompilation UnreachableCompilation() => Compile(
        ("A.cs", RerunSources.Flow.Replace("    private static bool IsBig(", "    [State(End = true)]\n    private static void Orphan(Order order) { }\n\n    private static bool IsBig(", StringComparison.Ordinal)),
        ("B.cs", RerunSources.Order));
}
