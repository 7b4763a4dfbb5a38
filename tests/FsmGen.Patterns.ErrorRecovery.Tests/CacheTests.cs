using Microsoft.Extensions.Time.Testing;

namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class CacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task The_last_good_result_is_served_when_the_operation_fails_within_the_ttl()
    {
        using var workflow = Cached();
        await workflow.ExecuteAsync("rates", _ => ValueTask.FromResult(1.25m));

        _time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        var served = await workflow.ExecuteAsync<decimal>("rates", _ => throw new HttpRequestException("503"));

        Assert.Equal(1.25m, served);
        Assert.Equal(1, workflow.GetMetrics().CacheHits);
    }

    [Fact]
    public async Task A_result_as_old_as_the_ttl_is_no_longer_served()
    {
        using var workflow = Cached();
        await workflow.ExecuteAsync("rates", _ => ValueTask.FromResult(1.25m));

        _time.Advance(Ttl);

        await Assert.ThrowsAsync<HttpRequestException>(() => workflow.ExecuteAsync<decimal>("rates", _ => throw new HttpRequestException("503")).AsTask());
        Assert.Equal(0, workflow.GetMetrics().CacheHits);
    }

    [Fact]
    public async Task Each_success_refreshes_the_entry_and_keys_do_not_mix()
    {
        using var workflow = Cached();
        await workflow.ExecuteAsync("a", _ => ValueTask.FromResult(1));
        _time.Advance(TimeSpan.FromSeconds(50));
        await workflow.ExecuteAsync("a", _ => ValueTask.FromResult(2));
        _time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(2, await workflow.ExecuteAsync<int>("a", _ => throw new IOException()));
        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync<int>("b", _ => throw new IOException()).AsTask());
    }

    [Fact]
    public async Task Without_a_key_nothing_is_cached()
    {
        using var workflow = Cached();
        await workflow.ExecuteAsync(_ => ValueTask.FromResult(1));

        await Assert.ThrowsAsync<IOException>(() => workflow.ExecuteAsync<int>(_ => throw new IOException()).AsTask());
    }

    private ErrorRecoveryWorkflow Cached() =>
        new(new ErrorRecoveryConfig(RecoveryStrategy.Cache, cache: new CacheConfig(Ttl), timeProvider: _time));
}
