namespace FsmGen.Patterns.Etl.Tests;

/// <summary>The enrich stage: computed fields, lookups in a reference table with each miss policy, and functions.</summary>
public sealed class EnrichmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _db;

    public EnrichmentTests()
    {
        _db = Sqlite.Create(_dir, "shop.db", """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, region_code TEXT, amount REAL);
            CREATE TABLE regions (code TEXT PRIMARY KEY, region_name TEXT, vat REAL);
            CREATE TABLE facts (id INTEGER PRIMARY KEY, region_code TEXT, amount REAL, region_name TEXT, vat REAL, gross REAL, tag TEXT);
            INSERT INTO regions VALUES ('FR', 'France', 0.2), ('DE', 'Germany', 0.19);
            INSERT INTO orders VALUES (1, 'FR', 100), (2, 'DE', 50), (3, 'XX', 10), (4, NULL, 5);
            """);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(LookupMissPolicy.Ignore, 4, 0)]
    [InlineData(LookupMissPolicy.Null, 4, 0)]
    [InlineData(LookupMissPolicy.Error, 2, 2)]
    public async Task A_lookup_copies_reference_columns_and_applies_its_miss_policy(LookupMissPolicy onMiss, int loaded, int errors)
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + _db, "orders"), "sqlite:" + _db, "facts") { ErrorThreshold = 1 };
        config.Enrich(EtlEnrichment.Lookup("regions", "code", "region_code", ["region_name", "vat"], onMiss));
        config.Enrich(EtlEnrichment.Computed("gross", r => r.TryGetValue("vat", out var vat) && vat is double v ? (double)r["amount"]! * (1 + v) : null));

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(loaded, result.Loaded);
        Assert.Equal(errors, result.Errors);
        Assert.Equal("France", Sqlite.Scalar<string>(_db, "SELECT region_name FROM facts WHERE id = 1"));
        Assert.Equal(120.0, Sqlite.Scalar<double>(_db, "SELECT gross FROM facts WHERE id = 1"), 6);
        if (onMiss == LookupMissPolicy.Error)
        {
            Assert.All(result.ErrorDetails, e => Assert.Equal((EtlStage.Enrich, "region_code"), (e.Stage, e.Field)));
            Assert.Contains("not found", result.ErrorDetails[0].Reason);
        }
        else
        {
            Assert.Equal(0, Sqlite.Scalar<long>(_db, "SELECT count(*) FROM facts WHERE id = 3 AND region_name IS NOT NULL"));
        }
    }

    [Fact]
    public async Task A_function_enrichment_runs_after_the_transformations_and_its_failure_is_an_enrich_error()
    {
        var config = new EtlConfigBuilder(EtlSource.FromTable("sqlite:" + _db, "orders"), "sqlite:" + _db, "facts") { ErrorThreshold = 1 };
        config.Transform(r =>
        {
            r["tag"] = "t";
            return r;
        });
        config.Enrich(EtlEnrichment.FromAsync(async (r, ct) =>
        {
            await Task.Yield();
            if ((long)r["id"]! == 2)
            {
                throw new HttpRequestException("service down");
            }

            r["tag"] += "+e";
            return r;
        }));

        var result = (await new DatabaseEtl(config.Build()).RunAsync()).AddsUp();

        Assert.Equal(3, result.Loaded);
        var error = Assert.Single(result.ErrorDetails);
        Assert.Equal(EtlStage.Enrich, error.Stage);
        Assert.Contains("HttpRequestException: service down", error.Reason);
        Assert.Equal("t+e", Sqlite.Scalar<string>(_db, "SELECT tag FROM facts WHERE id = 1"));
    }
}
