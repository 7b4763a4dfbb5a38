namespace FsmGen.Generators.Patterns;

/// <summary>The names the Etl template recognizes and the names it gives to what it generates.</summary>
internal static class EtlNames
{
    public const string Pattern = "Etl";

    public const string ValidateAttribute = "FsmGen.Patterns.Etl.ValidateAttribute";
    public const string TransformAttribute = "FsmGen.Patterns.Etl.TransformAttribute";
    public const string EnrichAttribute = "FsmGen.Patterns.Etl.EnrichAttribute";
    public const string ColumnAttribute = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
    public const string NotMappedAttribute = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";

    // States of the machine, in graph order.
    public const string ExtractState = "Extract";
    public const string ValidateState = "Validate";
    public const string TransformState = "Transform";
    public const string EnrichState = "Enrich";
    public const string LoadState = "Load";
    public const string CompleteState = "Complete";
    public const string RejectedState = "Rejected";
    public const string ErrorState = "Error";

    // Members the template generates in the class.
    public const string RecordFailed = "RecordFailed";
    public const string RecordRejected = "RecordRejected";
    public const string FormatClass = "EtlFormat";
    public const string CreateEtl = "CreateEtl";
    public const string RunEtlAsync = "RunEtlAsync";

    // Runtime types the generated code uses.
    public const string Namespace = "global::FsmGen.Patterns.Etl";
    public const string Generated = Namespace + ".Generated";
    public const string EtlRecord = Namespace + ".EtlRecord";
    public const string EtlStage = Namespace + ".EtlStage";
    public const string Stages = Generated + ".EtlRecordStages";
    public const string SourceRow = Generated + ".EtlSourceRow";
    public const string NpgsqlDbType = "global::NpgsqlTypes.NpgsqlDbType";

    /// <summary>The state method of a stage, e.g. <c>RunValidateStage</c>.</summary>
    public static string StageMethod(string state) => "Run" + state + "Stage";

    /// <summary>The state method of an end state, e.g. <c>EndComplete</c>.</summary>
    public static string EndMethod(string state) => "End" + state;

    public static string StateOf(EtlSlotKind kind) => kind switch
    {
        EtlSlotKind.Validate => ValidateState,
        EtlSlotKind.Transform => TransformState,
        _ => EnrichState,
    };

    public static string AttributeOf(EtlSlotKind kind) => kind switch
    {
        EtlSlotKind.Validate => "Validate",
        EtlSlotKind.Transform => "Transform",
        _ => "Enrich",
    };
}
