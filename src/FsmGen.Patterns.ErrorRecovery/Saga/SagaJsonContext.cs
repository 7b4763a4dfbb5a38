using System.Text.Json.Serialization;

namespace FsmGen.Patterns.ErrorRecovery;

/// <summary>Source-generated JSON for <see cref="SagaState"/>: no reflection when a saga saves its progress.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SagaState))]
internal sealed partial class SagaJsonContext : JsonSerializerContext;
