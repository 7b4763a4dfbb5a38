using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FsmGen.Generators.Diagnostics;
using FsmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FsmGen.Generators.Parsing;

/// <summary>
/// Turns one [StateMachine] class into a <see cref="MachineModel"/> and its diagnostics. Every rule that needs symbols
/// runs here; graph rules run on the raw declarations in <see cref="GraphRules"/>. Half-typed code yields diagnostics
/// (or nothing, where the compiler already reports an error), never an exception.
/// </summary>
internal sealed partial class MachineParser
{
    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly DeclarationScopes? _scopes;
    private HashSet<string>? _pushVisited;
    private ITypeSymbol? _dataType;
    private string _startName = "";

    /// <summary>The machine a push cycle found in this parse (or a subflow's) returns into, by display name.</summary>
    private string? _cycleInto;

    private MachineParser(INamedTypeSymbol type, DeclarationScopes? scopes, HashSet<string>? pushVisited, CancellationToken cancellationToken)
    {
        _type = type;
        _scopes = scopes;
        _pushVisited = pushVisited;
        _cancellationToken = cancellationToken;
    }

    private string MachineName => _type.Name;

    /// <summary>The machines on the current push path, by display name; built on the first push, as most machines push nothing.</summary>
    private HashSet<string> PushVisited => _pushVisited ??= new HashSet<string> { _type.ToDisplayString() };

    /// <summary>
    /// Parses a [StateMachine] class. With a semantic model (the one the class was matched with), method attributes are
    /// read from syntax where that is provably the same (<see cref="SyntaxAttributeReader"/>), otherwise through symbols.
    /// </summary>
    public static MachineResult Parse(INamedTypeSymbol type, AttributeData machineAttribute, SemanticModel? semanticModel, CancellationToken cancellationToken) =>
        new MachineParser(type, semanticModel is null ? null : new DeclarationScopes(semanticModel.Compilation, semanticModel), null, cancellationToken).Run(machineAttribute, raw: null);

    /// <summary>Parses a machine from states supplied by a pattern template instead of attributes on methods.</summary>
    public static MachineResult ParseWith(INamedTypeSymbol type, AttributeData machineAttribute, IReadOnlyList<RawState> states, CancellationToken cancellationToken) =>
        new MachineParser(type, null, null, cancellationToken).Run(machineAttribute, states);

    private MachineResult Run(AttributeData machineAttribute, IReadOnlyList<RawState>? raw)
    {
        var classLocation = LocationInfo.From(_type.Locations.Length > 0 ? _type.Locations[0] : null);
        if (!ClassShape.Check(_type, classLocation, _diagnostics)) return Result(null);

        var triggerType = ReadTriggerType(machineAttribute, classLocation, out var triggersInvalid);
        var kind = triggerType is null && !triggersInvalid ? MachineKind.DataFlow : MachineKind.EventDriven;
        var history = AttributeReader.ReadInt(machineAttribute, "History", 0);
        var maxSteps = AttributeReader.ReadInt(machineAttribute, "MaxSteps", 10_000);
        if (history < 0) Report(DiagnosticDescriptors.InvalidOption, classLocation, "History", MachineName, "0 or more");
        if (maxSteps <= 0) Report(DiagnosticDescriptors.InvalidOption, classLocation, "MaxSteps", MachineName, "greater than 0");

        var states = raw ?? CollectStates(triggerType);
        if (states.Count == 0)
        {
            // A machine with no state at all (e.g. while the first one is being typed) has no start state either.
            if (!HasErrors) Report(DiagnosticDescriptors.NoStartState, classLocation, MachineName);
            return Result(null);
        }

        if (!ResolveStart(states, classLocation)) return Result(null);

        if (kind == MachineKind.DataFlow) _dataType = InferDataType(states.First(s => s.IsStart));

        var names = new HashSet<string>(states.Select(s => s.Name));
        var models = new List<StateModel>();
        foreach (var state in states)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var model = BuildState(state, kind, triggerType, names);
            if (model is not null) models.Add(model);
        }

        if (kind == MachineKind.DataFlow) CheckCompensationCount(states);

        // A state or transition dropped without a diagnostic of ours names a type the compiler already reports as an error;
        // emitting the rest would add errors (or, with no state left, throw), so the broken machine emits nothing.
        var dropped = models.Count != states.Count || models.Sum(m => m.Transitions.Count) != states.Sum(s => s.Transitions.Count);
        if (HasErrors || triggersInvalid || dropped) return Result(null);

        new GraphRules(MachineName, kind, states, _diagnostics).Check();
        if (HasErrors) return Result(null);

        var triggerMembers = triggerType?.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToEquatableArray()
            ?? EquatableArray<string>.Empty;
        var isAllSync = models.All(IsSync);
        var machine = new MachineModel(
            HierarchyReader.Read(_type),
            kind,
            _dataType is null ? null : TypeNames.ForCode(_dataType),
            triggerType is null ? null : TypeNames.ForCode(triggerType),
            triggerMembers,
            ThrowOnUnknownTrigger: AttributeReader.ReadInt(machineAttribute, "UnknownTrigger", 0) == 0,
            ThrowOnGuardFailure: AttributeReader.ReadInt(machineAttribute, "GuardFailure", 0) == 0,
            history,
            maxSteps,
            models.ToEquatableArray(),
            isAllSync);
        return Result(machine);
    }

    private bool HasErrors => _diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    private MachineResult Result(MachineModel? model) => new(model, _diagnostics.ToEquatableArray());

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private INamedTypeSymbol? ReadTriggerType(AttributeData machineAttribute, LocationInfo? location, out bool invalid)
    {
        invalid = false;
        var triggers = AttributeReader.ReadNamed(machineAttribute, "Triggers");
        if (triggers is not { Kind: TypedConstantKind.Type, Value: ITypeSymbol type }) return null;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named) return named;
        if (type.TypeKind != TypeKind.Error) Report(DiagnosticDescriptors.TriggersNotEnum, location, TypeNames.ForMessage(type), MachineName);
        invalid = true;
        return null;
    }

    private List<RawState> CollectStates(INamedTypeSymbol? triggerType)
    {
        var states = new List<RawState>();
        var seen = new HashSet<string>();
        foreach (var member in _type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method) continue;
            var declared = (_scopes is null ? null : SyntaxAttributeReader.TryRead(method, _scopes, triggerType, _cancellationToken))
                ?? AttributeReader.ReadMethod(method, _cancellationToken);
            if (declared.State is not { } state)
            {
                if (declared.HasStrayTransition) Report(DiagnosticDescriptors.TransitionWithoutState, declared.StrayTransition, method.Name);
                continue;
            }

            if (!seen.Add(state.Name))
            {
                Report(DiagnosticDescriptors.DuplicateState, state.Location, state.Name, MachineName);
                continue;
            }

            if (GeneratedMembers.IsReserved(state.Name))
            {
                Report(DiagnosticDescriptors.ReservedStateName, state.Location, state.Name, MachineName);
                continue;
            }

            states.Add(state);
        }

        return states;
    }

    private bool ResolveStart(IReadOnlyList<RawState> states, LocationInfo? classLocation)
    {
        var starts = states.Where(s => s.IsStart).ToList();
        if (starts.Count == 0)
        {
            Report(DiagnosticDescriptors.NoStartState, classLocation, MachineName);
            return false;
        }

        if (starts.Count > 1)
        {
            Report(DiagnosticDescriptors.DuplicateStartState, starts[1].Location, MachineName, starts[0].Name, starts[1].Name);
            return false;
        }

        _startName = starts[0].Name;
        return true;
    }

    private ITypeSymbol? InferDataType(RawState start)
    {
        var shape = MethodShape.Describe(start.Method, _scopes);
        var data = shape.DataParameter ?? shape.Result;
        if (data is null || shape.IsMalformed)
        {
            Report(DiagnosticDescriptors.StateSignature, start.Location, start.Name, "take the record as its first parameter: it is the start state of data-flow machine '" + MachineName + "'");
            return null;
        }

        // A record type that does not resolve is the compiler's error to report; emitting code that names it would add more.
        return ContainsErrorType(data) ? null : data;
    }

    private StateModel? BuildState(RawState state, MachineKind kind, INamedTypeSymbol? triggerType, HashSet<string> names)
    {
        var body = CheckStateBody(state, kind);
        MethodCall? exit = null;
        if (state.OnExit is not null) exit = ResolveExit(state, kind);

        if (state.Parent is not null)
        {
            if (kind == MachineKind.DataFlow) Report(DiagnosticDescriptors.NotSupportedForKind, state.Location, "Parent", state.Name, "data-flow");
            else if (!names.Contains(state.Parent)) Report(DiagnosticDescriptors.UnknownParent, state.Location, state.Parent, state.Name, MachineName);
        }

        if (kind == MachineKind.EventDriven && state.RunOnFailure) Report(DiagnosticDescriptors.NotSupportedForKind, state.Location, "RunOnFailure", state.Name, "event-driven");

        var transitions = new List<TransitionModel>();
        foreach (var transition in state.Transitions)
        {
            var model = BuildTransition(state, transition, kind, triggerType, names);
            if (model is not null) transitions.Add(model);
        }

        var recovery = ResolveRecovery(state, kind, names, body, out var fallback);

        // Tried by priority (higher first); OrderBy is stable, so equal priorities keep declaration order (and when all
        // priorities are equal, as they mostly are, that order is the declared one without sorting).
        var ordered = transitions.TrueForAll(t => t.Priority == transitions[0].Priority)
            ? transitions.ToEquatableArray()
            : transitions
                .Select((t, i) => (t, i))
                .OrderByDescending(p => p.t.Priority)
                .ThenBy(p => p.i)
                .Select(p => p.t)
                .ToEquatableArray();
        state.Transitions.Sort((a, b) => b.Priority != a.Priority ? b.Priority.CompareTo(a.Priority) : a.DeclarationIndex.CompareTo(b.DeclarationIndex));
        if (fallback is not null)
        {
            // The fallback is the last failure route, after every declared one whatever its priority.
            ordered = ordered.Concat(new[] { fallback }).ToEquatableArray();
            state.Transitions.Add(new RawTransition(state.Recovery!.Fallback!.Location, int.MaxValue) { To = fallback.To, OnFailure = true });
        }

        return body is null ? null : new StateModel(state.Name, state.IsStart, state.IsEnd, state.EmitOutput, state.RunOnFailure, state.Parent, body, exit, ordered, recovery);
    }

    private MethodCall? CheckStateBody(RawState state, MachineKind kind)
    {
        var shape = MethodShape.Describe(state.Method, _scopes);
        if (kind == MachineKind.EventDriven)
        {
            if (shape.IsMalformed || shape.DataParameter is not null || shape.Result is not null)
            {
                Report(DiagnosticDescriptors.StateSignature, state.Location, state.Name, "return void, Task or ValueTask and take no parameters or only a CancellationToken (it is the entry action of an event-driven state)");
                return null;
            }

            return shape.ToCall();
        }

        if (shape.IsMalformed)
        {
            Report(DiagnosticDescriptors.StateSignature, state.Location, state.Name, "take (T record[, CancellationToken]) and return void, T, Task, Task<T>, ValueTask or ValueTask<T>");
            return null;
        }

        if (_dataType is null) return null;
        if (!CheckData(state.Name, state.Location, shape.DataParameter) || !CheckData(state.Name, state.Location, shape.Result)) return null;
        return shape.ToCall();
    }

    private bool CheckData(string owner, LocationInfo? location, ITypeSymbol? type)
    {
        if (type is null || _dataType is null || TypeNames.SameIgnoringNullability(type, _dataType)) return true;
        if (type.TypeKind == TypeKind.Error) return false;
        Report(DiagnosticDescriptors.DataTypeMismatch, location, owner, TypeNames.ForMessage(type), TypeNames.ForMessage(_dataType), _startName);
        return false;
    }

    private MethodCall? ResolveExit(RawState state, MachineKind kind)
    {
        var candidates = AttributeReader.MethodsNamed(_type, state.OnExit!).ToList();
        if (candidates.Count == 0)
        {
            Report(DiagnosticDescriptors.MethodNotFound, state.Location, "Exit action", state.OnExit!, state.Name, MachineName);
            return null;
        }

        foreach (var candidate in candidates)
        {
            var shape = MethodShape.Describe(candidate, _scopes);
            if (!shape.IsMalformed && shape.Result is null && DataParameterFits(shape, kind)) return shape.ToCall();
        }

        Report(DiagnosticDescriptors.ExitSignature, state.Location, state.OnExit!, state.Name, ExpectedNoValue(kind));
        return null;
    }

    private bool DataParameterFits(MethodShape shape, MachineKind kind) =>
        shape.DataParameter is null || (kind == MachineKind.DataFlow && _dataType is not null && TypeNames.SameIgnoringNullability(shape.DataParameter, _dataType));

    private string ExpectedNoValue(MachineKind kind) => kind == MachineKind.DataFlow
        ? "return void, Task or ValueTask and take ([" + DataName + "][, CancellationToken])"
        : "return void, Task or ValueTask and take no parameters or only a CancellationToken";

    private string DataName => _dataType is null ? "T" : TypeNames.ForMessage(_dataType);

    private TransitionModel? BuildTransition(RawState state, RawTransition transition, MachineKind kind, INamedTypeSymbol? triggerType, HashSet<string> names)
    {
        var ok = true;
        if (transition.To is null)
        {
            Report(DiagnosticDescriptors.MissingTarget, transition.Location, state.Name);
            ok = false;
        }
        else if (!names.Contains(transition.To))
        {
            Report(DiagnosticDescriptors.UnknownTarget, transition.Location, state.Name, transition.To, MachineName);
            ok = false;
        }

        var guard = transition.When is null ? null : ResolveGuard(state, transition, kind, ref ok);
        var transform = transition.Transform is null ? null : ResolveTransform(state, transition, kind, ref ok);
        var trigger = ResolveTrigger(state, transition, kind, triggerType, ref ok);
        string? exceptionType = null;
        PushInfo? push = null;

        if (kind == MachineKind.EventDriven)
        {
            if (transition.OnFailure) ok = NotSupported(transition, "OnFailure", state.Name, "event-driven");
            if (transition.Push is not null) ok = NotSupported(transition, "Push", state.Name, "event-driven");
        }
        else
        {
            if (transition.OnFailure && transition.When is not null) ok = NotSupported(transition, "When", state.Name, "failure routes of data-flow");
            if (transition.Exception is not null)
            {
                if (!transition.OnFailure) ok = NotSupported(transition, "Exception without OnFailure", state.Name, "data-flow");
                else if (!TypeNames.DerivesFromException(transition.Exception))
                {
                    if (transition.Exception.TypeKind != TypeKind.Error) Report(DiagnosticDescriptors.InvalidExceptionType, transition.Location, TypeNames.ForMessage(transition.Exception), state.Name);
                    ok = false;
                }
                else exceptionType = TypeNames.ForCode(transition.Exception);
            }

            if (transition.Push is not null) push = ResolvePush(state, transition, ref ok);
        }

        return ok ? new TransitionModel(transition.To!, guard, trigger, transition.Priority, transform, transition.OnFailure, exceptionType, push) : null;
    }

    private bool NotSupported(RawTransition transition, string option, string stateName, string kindName)
    {
        Report(DiagnosticDescriptors.NotSupportedForKind, transition.Location, option, stateName, kindName);
        return false;
    }

    private MethodCall? ResolveGuard(RawState state, RawTransition transition, MachineKind kind, ref bool ok)
    {
        var candidates = AttributeReader.MethodsNamed(_type, transition.When!).ToList();
        if (candidates.Count == 0)
        {
            Report(DiagnosticDescriptors.MethodNotFound, transition.Location, "Guard", transition.When!, state.Name, MachineName);
            ok = false;
            return null;
        }

        foreach (var candidate in candidates)
        {
            var shape = MethodShape.Describe(candidate, _scopes);
            if (!shape.IsMalformed && shape.ReturnsBool && DataParameterFits(shape, kind)) return shape.ToCall();
        }

        var takes = kind == MachineKind.DataFlow ? "([" + DataName + "][, CancellationToken])" : "no parameters or only a CancellationToken";
        Report(DiagnosticDescriptors.GuardSignature, transition.Location, transition.When!, state.Name, takes);
        ok = false;
        return null;
    }

    private MethodCall? ResolveTransform(RawState state, RawTransition transition, MachineKind kind, ref bool ok)
    {
        var candidates = AttributeReader.MethodsNamed(_type, transition.Transform!).ToList();
        if (candidates.Count == 0)
        {
            Report(DiagnosticDescriptors.MethodNotFound, transition.Location, "Transform", transition.Transform!, state.Name, MachineName);
            ok = false;
            return null;
        }

        foreach (var candidate in candidates)
        {
            var shape = MethodShape.Describe(candidate, _scopes);
            if (shape.IsMalformed) continue;
            if (kind == MachineKind.EventDriven && shape.Result is null && shape.DataParameter is null) return shape.ToCall();
            if (kind == MachineKind.DataFlow && _dataType is not null && shape.DataParameter is not null && shape.Result is not null
                && TypeNames.SameIgnoringNullability(shape.DataParameter, _dataType) && TypeNames.SameIgnoringNullability(shape.Result, _dataType))
            {
                return shape.ToCall();
            }
        }

        var expected = kind == MachineKind.DataFlow
            ? "take (" + DataName + "[, CancellationToken]) and return " + DataName + ", Task<" + DataName + "> or ValueTask<" + DataName + ">"
            : "return void, Task or ValueTask and take no parameters or only a CancellationToken (it is the transition's action)";
        Report(DiagnosticDescriptors.TransformSignature, transition.Location, transition.Transform!, state.Name, expected);
        ok = false;
        return null;
    }

    private string? ResolveTrigger(RawState state, RawTransition transition, MachineKind kind, INamedTypeSymbol? triggerType, ref bool ok)
    {
        if (transition.OnMember is { } resolved) return resolved;
        if (transition.On is not { } on)
        {
            if (kind == MachineKind.EventDriven && triggerType is not null)
            {
                Report(DiagnosticDescriptors.MissingTrigger, transition.Location, state.Name, transition.To ?? "?", MachineName);
                ok = false;
            }

            return null;
        }

        if (on.Kind == TypedConstantKind.Error)
        {
            ok = false;
            return null;
        }

        if (kind == MachineKind.DataFlow)
        {
            ok = NotSupported(transition, "On", state.Name, "data-flow");
            return null;
        }

        if (triggerType is not null && on.Kind == TypedConstantKind.Enum && SymbolEqualityComparer.Default.Equals(on.Type, triggerType))
        {
            if (EnumMembers.FirstWithValue(triggerType, on.Value) is { } member) return member;
        }

        if (triggerType is not null) Report(DiagnosticDescriptors.WrongTriggerType, transition.Location, on.IsNull ? "null" : on.ToCSharpString(), state.Name, TypeNames.ForMessage(triggerType));
        ok = false;
        return null;
    }

    private PushInfo? ResolvePush(RawState state, RawTransition transition, ref bool ok)
    {
        var target = transition.Push as INamedTypeSymbol;
        string? problem = null;
        var machineAttribute = target?.GetAttributes().FirstOrDefault(a => AttributeReader.Is(a, KnownNames.StateMachineAttribute));
        if (transition.Push!.TypeKind == TypeKind.Error)
        {
            ok = false;
            return null;
        }

        // An array, pointer or type parameter is not a class at all.
        if (target is null || machineAttribute is null) problem = "is not a [StateMachine] class";
        else if (AttributeReader.ReadNamed(machineAttribute, "Triggers") is { Kind: TypedConstantKind.Type }) problem = "is an event-driven machine; only data-flow machines can be pushed";
        else if (target.InstanceConstructors.All(c => c.Parameters.Length > 0 || c.DeclaredAccessibility == Accessibility.Private)) problem = "needs an accessible parameterless constructor";
        else if (PushVisited.Contains(target.ToDisplayString()))
        {
            problem = "pushes back into '" + MachineName + "' (subflows cannot recurse)";
            _cycleInto ??= target.ToDisplayString();
        }

        var isAllSync = true;
        if (problem is null && target is not null)
        {
            // The visited set is the current push path, so two transitions may push the same subflow.
            PushVisited.Add(target.ToDisplayString());
            var subParser = new MachineParser(target, _scopes, PushVisited, _cancellationToken);
            var sub = subParser.Run(machineAttribute!, raw: null);
            PushVisited.Remove(target.ToDisplayString());
            if (sub.Model is null) problem = SubflowProblem(subParser._cycleInto);
            else if (_dataType is not null && sub.Model.DataType != TypeNames.ForCode(_dataType)) problem = "works on '" + sub.Model.DataType?.Replace("global::", "") + "', not on '" + TypeNames.ForMessage(_dataType) + "'";
            else isAllSync = sub.Model.IsAllSync;
        }

        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidPushTarget, transition.Location, TypeNames.ForMessage(transition.Push), state.Name, problem);
            ok = false;
            return null;
        }

        return new PushInfo(TypeNames.ForCode(transition.Push), isAllSync);
    }

    /// <summary>
    /// Why a pushed machine that failed to parse is rejected. A cycle of pushes is found inside the parse of the subflow,
    /// whose diagnostics are not reported here, so it is named here; otherwise its own diagnostics say what is wrong.
    /// </summary>
    private string SubflowProblem(string? cycleInto)
    {
        if (cycleInto is null) return "is not a valid state machine (see its own diagnostics)";
        _cycleInto ??= cycleInto;
        return cycleInto == _type.ToDisplayString()
            ? "pushes back into '" + MachineName + "' through its own pushes (subflows cannot recurse)"
            : "leads into a cycle of pushes through '" + cycleInto + "' (subflows cannot recurse)";
    }

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    private static bool IsSync(StateModel state) =>
        !state.Body.IsAsync && state.Exit?.IsAsync != true && state.Recovery?.Compensation?.IsAsync != true
        && state.Transitions.All(t => t.Guard?.IsAsync != true && t.Transform?.IsAsync != true && t.Push?.IsAllSync != false);
}
