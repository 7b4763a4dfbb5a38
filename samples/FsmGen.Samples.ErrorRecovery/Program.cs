using FsmGen.Patterns.ErrorRecovery;
using FsmGen.Samples.ErrorRecovery;

// A short, deterministic tour of the error recovery pattern against a flaky HTTP service on 127.0.0.1.
await using var service = new FlakyHttpService();
using var http = new HttpClient { BaseAddress = service.BaseAddress };
var log = new List<string>();

// <retry>
using var retrying = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
    RecoveryStrategy.Retry,
    retry: new RetryConfig(
        maxRetries: 3,
        baseDelay: TimeSpan.FromMilliseconds(20),
        backoff: BackoffStrategy.Exponential,
        onRetry: info => log.Add($"retry {info.RetryNumber} in {info.Delay.TotalMilliseconds} ms: {info.Error?.Message}"))));

service.FailNext = 2; // 503, 503, then 200
var answer = await retrying.ExecuteAsync(ct => new ValueTask<string>(http.GetStringAsync("answer", ct)));
// </retry>
log.ForEach(Console.WriteLine);
Console.WriteLine($"retry: got {answer} after {retrying.GetMetrics().Attempts} attempts");

// <resilient>
var transitions = new List<string>();
using var resilient = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
    RecoveryStrategy.CircuitBreaker,
    [RecoveryStrategy.Fallback, RecoveryStrategy.Cache],
    circuitBreaker: new CircuitBreakerConfig(
        failureThreshold: 3,
        successThreshold: 2,
        openDuration: TimeSpan.FromMilliseconds(200),
        onOpened: () => transitions.Add("open"),
        onHalfOpened: () => transitions.Add("half-open"),
        onClosed: () => transitions.Add("closed")),
    fallback: FallbackConfig.FromValue("unknown"),
    cache: new CacheConfig(timeToLive: TimeSpan.FromMinutes(5))));

async Task<string> PriceOf(string item) =>
    await resilient.ExecuteAsync($"price:{item}", ct => new ValueTask<string>(http.GetStringAsync($"price/{item}", ct)));
// </resilient>

service.Body = "9.99";
Console.WriteLine($"price of tea while up: {await PriceOf("tea")}");
service.Down = true;
Console.WriteLine($"price of tea while down (last good result): {await PriceOf("tea")}");
Console.WriteLine($"price of jam while down (never cached, fallback): {await PriceOf("jam")}");
await PriceOf("jam");
var requestsWhenOpened = service.Requests;
Console.WriteLine($"circuit: {resilient.CircuitState}; jam while open: {await PriceOf("jam")}; requests sent while open: {service.Requests - requestsWhenOpened}");
service.Down = false;
await Task.Delay(TimeSpan.FromMilliseconds(250)); // longer than the open duration
Console.WriteLine($"probes after recovery: {await PriceOf("jam")}, {await PriceOf("jam")}");
Console.WriteLine($"circuit: {resilient.CircuitState}; transitions: {string.Join(" -> ", transitions)}");

// <saga>
var sagaDirectory = Directory.CreateTempSubdirectory("fsmgen-saga-").FullName;
var done = new List<string>();

SagaBuilder DeclareOrder(SagaBuilder saga) => saga
    .Step("reserve stock", _ => Do("reserve stock"), _ => Do("release stock"))
    .Step("charge card", _ => Do("charge card"), _ => Do("refund card"))
    .Step("book courier", _ => throw new HttpRequestException("courier API down"), _ => Do("cancel courier"))
    .Step("send email", _ => Do("send email"));

ValueTask Do(string action)
{
    done.Add(action);
    return ValueTask.CompletedTask;
}

// First process: dies right after recording "refund card" (4th save), before releasing the stock.
var firstRun = DeclareOrder(new SagaBuilder("order-1001"))
    .WithStore(new CrashAfterSaves(new FileSagaStore(sagaDirectory), saves: 4))
    .Build();
try
{
    await firstRun.RunAsync();
}
catch (InvalidOperationException crash)
{
    Console.WriteLine($"saga: process died ({crash.Message}) after: {string.Join(", ", done)}");
}

// Restarted process: same steps, same id, same directory; compensation resumes where it stopped.
using var restarted = new ErrorRecoveryWorkflow(new ErrorRecoveryConfig(
    RecoveryStrategy.Retry,
    compensation: new CompensationConfig(store: new FileSagaStore(sagaDirectory))));
var result = await DeclareOrder(restarted.CreateSaga("order-1001")).Build().RunAsync();
// </saga>
Console.WriteLine($"saga: {result.Status} (failed at '{result.FailedStep}': {result.Error}); compensated: {string.Join(", ", result.CompensatedSteps)}");
Console.WriteLine($"saga: every action, across both processes: {string.Join(", ", done)}");
Directory.Delete(sagaDirectory, recursive: true);

// <metrics>
var metrics = resilient.GetMetrics();
Console.WriteLine($"metrics: {metrics.Executions} executions, {metrics.Successes} succeeded, {metrics.CacheHits} cache hits, " +
    $"{metrics.Fallbacks} fallbacks, {metrics.CircuitTransitions} circuit transitions, success rate {metrics.SuccessRate * 100:0}%");
// </metrics>
