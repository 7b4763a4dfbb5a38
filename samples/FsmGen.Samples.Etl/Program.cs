// A tour of the database ETL pattern on SQLite: no server and no setup. It creates shop.db next to the program, loads
// customers from a CSV file and orders from a JSON Lines file (both bundled in data/), then keeps a replica in step
// incrementally. Run: dotnet run --project samples/FsmGen.Samples.Etl
using FsmGen.Patterns.Etl;
using FsmGen.Patterns.FileProcessing;
using Microsoft.Data.Sqlite;

var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
var workDirectory = Directory.CreateTempSubdirectory("fsmgen-etl-sample-").FullName;
var shop = Path.Combine(workDirectory, "shop.db");
var replica = Path.Combine(workDirectory, "replica.db");
Execute(shop, """
    CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT, signed_up DATE, updated_at TEXT);
    CREATE TABLE countries (code TEXT PRIMARY KEY, country_name TEXT, vat REAL);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, country TEXT, country_name TEXT, amount REAL, amount_with_vat REAL, placed_at TEXT);
    INSERT INTO countries VALUES ('GB', 'United Kingdom', 0.20), ('US', 'United States', 0.0), ('NL', 'Netherlands', 0.21);
    """);
Execute(replica, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT, signed_up DATE, updated_at TEXT)");

// 1. CSV -> customers: rename columns, validate, transform, upsert by key.
// <sqlite-upsert>
var customers = new EtlConfigBuilder(EtlSource.FromFile(Path.Combine(dataDirectory, "customers.csv")), "sqlite:" + shop, "customers")
{
    Mode = EtlMode.Upsert,
    ErrorThreshold = 0.5,
}
    .Map("customer_id", "id")
    .Map("full_name", "name")
    .Map("signup_date", "signed_up")
    .Validate(new ValidationSchema(
    [
        new FieldRule("email") { Required = true, Pattern = "^[^@]+@[^@]+$" },
        new FieldRule("signed_up") { Required = true, Type = FieldType.DateTime },
    ]))
    .Transform(record =>
    {
        record["name"] = ((string)record["name"]!).Trim();
        record["updated_at"] = "2024-04-01 00:00:00";
        return record;
    });
customers.KeyColumns.Add("id");
Report("customers.csv -> customers", await new DatabaseEtl(customers.Build()).RunAsync());
// </sqlite-upsert>

// 2. JSON Lines -> orders: a lookup in a reference table, a computed field, a checkpoint id that makes the load resumable.
var orders = new EtlConfigBuilder(EtlSource.FromFile(Path.Combine(dataDirectory, "orders.jsonl")), "sqlite:" + shop, "orders")
{
    Mode = EtlMode.Append,
    ErrorThreshold = 0.5,
}
    .Enrich(EtlEnrichment.Lookup("countries", "code", "country", ["country_name", "vat"], LookupMissPolicy.Null))
    .Enrich(EtlEnrichment.Computed("amount_with_vat", r => r["vat"] is double vat && r["amount"] is double or long or decimal ? Math.Round(Convert.ToDouble(r["amount"]) * (1 + vat), 2) : null))
    .Enrich(EtlEnrichment.FromFunction(record =>
    {
        record.Remove("vat"); // used above, not a column of orders
        return record;
    }));
orders.KeyColumns.Add("order_id");
Report("orders.jsonl -> orders", await new DatabaseEtl(orders.Build()).RunAsync(checkpointId: "orders-2024-03"));

// 3. customers -> replica, incrementally: the first run copies everything, the next only what changed.
// <etl-factories>
var sync = EtlPipelines.CreateDatabaseSync(EtlSource.FromTable("sqlite:" + shop, "customers"), "sqlite:" + replica, "customers", keyColumns: ["id"]);
Report("sync (first run)", await sync.RunAsync());
Execute(shop, "UPDATE customers SET email = 'ada@lovelace.example', updated_at = '2024-04-02 09:00:00' WHERE id = 1");
Report("sync (after one change)", await sync.RunAsync());
// </etl-factories>

Console.WriteLine();
Console.WriteLine("The per-record state machine (generated at compile time):");
Console.WriteLine(DatabaseEtl.RecordMachineMermaid);
Console.WriteLine($"Databases left in {workDirectory}");
return 0;

static void Report(string title, EtlResult result)
{
    Console.WriteLine($"{title}: {result}");
    foreach (var rejection in result.RejectionDetails)
    {
        Console.WriteLine($"    rejected {rejection}");
    }

    foreach (var error in result.ErrorDetails)
    {
        Console.WriteLine($"    error    {error}");
    }
}

static void Execute(string database, string sql)
{
    using var connection = new SqliteConnection($"Data Source={database}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
