using System.Diagnostics;
using System.Reflection;
using FsmGen.Patterns.Etl.Tests.Support;

namespace FsmGen.Patterns.Etl.Tests;

/// <summary>
/// A 200,000-row PostgreSQL -> PostgreSQL run in a child process, killed with SIGKILL in the middle, then resumed
/// in-process with the same checkpoint id: every row arrives exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashResumeTests(PostgresFixture postgres)
{
    private const int Rows = 200_000;
    private const string CheckpointId = "migration_2024";

    [Fact]
    public async Task A_killed_run_resumes_after_its_last_committed_batch_without_duplicates_or_gaps()
    {
        var db = postgres.CreateDatabase("crash");
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");
        await Databases.SeedItemsAsync(db, Rows);

        // No key on the target: a row loaded twice would show as a duplicate instead of being absorbed by an upsert.
        await PostgresFixture.ExecuteAsync(db, "CREATE TABLE items_copy (id bigint NOT NULL, name text NOT NULL, qty integer, price numeric(12,2), updated_at timestamptz NOT NULL)");

        using (var probe = StartProbe(db, batchSize: 1000, delayMsPerBatch: 25))
        {
            var killedAt = await WaitForProgressAsync(db, probe, atLeast: 20_000);
            probe.Kill(entireProcessTree: true);
            await probe.WaitForExitAsync();
            Assert.True(killedAt < Rows, $"the probe finished ({killedAt} rows) before it could be killed");
        }

        // The checkpoint was committed with its batch: the target holds exactly the rows it says.
        var committed = await PostgresFixture.ScalarAsync<long>(db, "SELECT rows_committed FROM fsmgen_etl_checkpoints WHERE checkpoint_id = @id", new { id = CheckpointId });
        Assert.InRange(committed, 20_000, Rows - 1);
        Assert.Equal(committed, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM items_copy"));

        // <crash-resume>
        var config = new EtlConfigBuilder(EtlSource.FromTable(db, "items"), db, "items_copy") { Mode = EtlMode.Append, BatchSize = 1000 };
        config.KeyColumns.Add("id");
        var resumed = (await new DatabaseEtl(config.Build()).RunAsync(CheckpointId)).AddsUp();
        // </crash-resume>

        Assert.True(resumed.Resumed);
        Assert.Equal(committed, resumed.PreviouslyCommitted);
        Assert.Equal(Rows - committed, resumed.Extracted);
        Assert.Equal(Rows - committed, resumed.Loaded);
        Assert.Equal(0, resumed.Errors);
        Assert.Equal(Rows, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(*) FROM items_copy"));
        Assert.Equal(Rows, await PostgresFixture.ScalarAsync<long>(db, "SELECT count(DISTINCT id) FROM items_copy"));
        Assert.Equal(
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("items")),
            await PostgresFixture.ScalarAsync<string>(db, Databases.ChecksumSql("items_copy")));
        Assert.Equal("completed", await PostgresFixture.ScalarAsync<string>(db, "SELECT status FROM fsmgen_etl_checkpoints WHERE checkpoint_id = @id", new { id = CheckpointId }));
    }

    private static Process StartProbe(string db, int batchSize, int delayMsPerBatch)
    {
        var probe = typeof(CrashResumeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashProbePath").Value!;
        Assert.True(File.Exists(probe), $"The crash probe is not built at {probe}; build tests/FsmGen.Patterns.Etl.Tests (it references the probe).");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { probe, db, "items", db, "items_copy", CheckpointId, batchSize.ToString(), delayMsPerBatch.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<long> WaitForProgressAsync(string db, Process probe, long atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            Assert.False(probe.HasExited, $"the probe exited with {(probe.HasExited ? probe.ExitCode : 0)} before the test killed it");
            var done = await PostgresFixture.QueryAsync<long>(db, "SELECT rows_committed FROM fsmgen_etl_checkpoints WHERE checkpoint_id = @id", new { id = CheckpointId })
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : []);
            if (done.Count == 1 && done[0] >= atLeast)
            {
                return done[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the probe made no progress in 40 s");
    }
}
