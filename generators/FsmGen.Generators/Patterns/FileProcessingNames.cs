namespace FsmGen.Generators.Patterns;

/// <summary>The names the FileProcessing template recognizes and the names it gives to what it generates.</summary>
internal static class FileProcessingNames
{
    public const string Pattern = "FileProcessing";

    public const string FilterAttribute = "FsmGen.Patterns.FileProcessing.FilterAttribute";
    public const string ValidateAttribute = "FsmGen.Patterns.FileProcessing.ValidateAttribute";
    public const string TransformAttribute = "FsmGen.Patterns.FileProcessing.TransformAttribute";
    public const string AggregateAttribute = "FsmGen.Patterns.FileProcessing.AggregateAttribute";
    public const string CsvColumnAttribute = "CsvHelper.CsvColumnAttribute";
    public const string CsvIgnoreAttribute = "CsvHelper.CsvIgnoreAttribute";
    public const string CsvConstructorAttribute = "CsvHelper.CsvConstructorAttribute";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    // States of the machine, in graph order.
    public const string ParseState = "Parse";
    public const string ValidateState = "Validate";
    public const string FilterState = "Filter";
    public const string TransformState = "Transform";
    public const string AggregateState = "Aggregate";
    public const string WrittenState = "Written";
    public const string FilteredState = "Filtered";
    public const string InvalidState = "Invalid";

    // Members the template generates in the class.
    public const string IsInvalid = "IsInvalid";
    public const string IsFilteredOut = "IsFilteredOut";
    public const string FormatClass = "FileProcessingFormat";
    public const string ProcessAsync = "ProcessAsync";

    // Runtime types the generated code uses.
    public const string Namespace = "global::FsmGen.Patterns.FileProcessing";
    public const string Generated = Namespace + ".Generated";
    public const string FileRecord = Namespace + ".FileRecord";
    public const string Stages = Generated + ".FileRecordStages";

    /// <summary>The state method of a stage, e.g. <c>RunValidateStage</c>.</summary>
    public static string StageMethod(string state) => "Run" + state + "Stage";

    /// <summary>The state method of an end state, e.g. <c>EndWritten</c>.</summary>
    public static string EndMethod(string state) => "End" + state;

    public static string StateOf(SlotKind kind) => kind switch
    {
        SlotKind.Validate => ValidateState,
        SlotKind.Filter => FilterState,
        SlotKind.Transform => TransformState,
        _ => AggregateState,
    };

    public static string AttributeOf(SlotKind kind) => kind switch
    {
        SlotKind.Validate => "Validate",
        SlotKind.Filter => "Filter",
        SlotKind.Transform => "Transform",
        _ => "Aggregate",
    };
}
