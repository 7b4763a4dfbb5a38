using System.ComponentModel;

namespace FsmGen.Patterns.Etl.Generated;

/// <summary>
/// Creates the <see cref="DatabaseEtl"/> of a typed <c>[Pattern("Etl")]</c> class: what its generated <c>CreateEtl</c>
/// calls. The run is <see cref="DatabaseEtl"/>'s own — batches, binary COPY + one set-based statement per batch (prepared
/// statements for SQLite), a checkpoint in each batch's transaction, the error threshold, and counts that add up — with
/// the class's typed records, read and written by its generated format, flowing through its generated machine instead
/// of dictionaries. Called by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TypedEtl
{
    /// <summary>Creates the ETL of a typed class for <paramref name="config"/>.</summary>
    /// <typeparam name="TState">The machine's state enum.</typeparam>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="machine">The generated machine: the [Pattern] class itself. Several workers may run it at once (<see cref="EtlConfig.ParallelWorkers"/>).</param>
    /// <param name="format">The generated reader and writers of <typeparamref name="TRecord"/>.</param>
    /// <param name="config">
    /// Source, target, mode, keys, batching, checkpoints and limits. The source must be a database (a query or a table);
    /// the config's own stages (validation schema, transformations, enrichments) and <see cref="EtlConfig.TargetColumns"/>
    /// must be empty: the class's methods are the stages and the record's members are the loaded columns.
    /// </param>
    /// <returns>The ETL; run it with <see cref="DatabaseEtl.RunAsync(string?, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentException">The config asks for something the typed route does not do; the message names the option.</exception>
    public static DatabaseEtl Create<TState, TRecord>(IDataFlowMachine<TState, EtlRecord<TRecord>> machine, EtlRecordFormat<TRecord> format, EtlConfig config)
        where TState : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(config);
        CheckConfig(config, typeof(TRecord).Name);
        return new DatabaseEtl(config, new TypedRoute<TState, TRecord>(machine, format));
    }

    private static void CheckConfig(EtlConfig config, string record)
    {
        var typed = $"for a typed [Pattern(\"Etl\")] ETL of {record}";
        if (config.Source.IsFile)
        {
            throw Invalid(nameof(config.Source), $"must be a database source (EtlSource.FromQuery or FromTable) {typed}, whose generated reader reads database rows; read files with the dictionary route");
        }

        const string Stages = "its stages are the [Validate], [Transform] and [Enrich] methods of the class";
        if (config.ValidationSchema is not null)
        {
            throw Invalid(nameof(config.ValidationSchema), $"must be null {typed}: {Stages}");
        }

        if (config.Transformations.Count > 0)
        {
            throw Invalid(nameof(config.Transformations), $"must be empty {typed}: {Stages}");
        }

        if (config.Enrichments.Count > 0)
        {
            throw Invalid(nameof(config.Enrichments), $"must be empty {typed}: {Stages}");
        }

        if (config.TargetColumns.Count > 0)
        {
            throw Invalid(nameof(config.TargetColumns), $"must be empty {typed}: the record's members are the loaded columns");
        }
    }

    private static ArgumentException Invalid(string field, string problem) => new($"EtlConfig.{field} {problem}.", field);
}
