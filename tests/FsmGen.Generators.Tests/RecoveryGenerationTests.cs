using FsmGen.Generators.Parsing;
using FsmGen.Generators.Tests.Sources;
using FsmGen.Generators.Tests.Support;
using FsmGen.Patterns.ErrorRecovery;

namespace FsmGen.Generators.Tests;

/// <summary>
/// The generator recognizes the recovery attributes by name and repeats their defaults (metadata carries no property
/// initializers): both must stay in step with FsmGen.Patterns.ErrorRecovery.
/// </summary>
public sealed class RecoveryGenerationTests
{
    [Theory]
    [InlineData(typeof(RetryAttribute), KnownNames.RetryAttribute)]
    [InlineData(typeof(DeadlineAttribute), KnownNames.DeadlineAttribute)]
    [InlineData(typeof(CircuitBreakerAttribute), KnownNames.CircuitBreakerAttribute)]
    [InlineData(typeof(FallbackAttribute), KnownNames.FallbackAttribute)]
    [InlineData(typeof(CompensateAttribute), KnownNames.CompensateAttribute)]
    public void Known_names_are_the_attribute_types(Type attribute, string knownName) => Assert.Equal(knownName, attribute.FullName);

    [Fact]
    public void Defaults_are_those_of_the_attribute_classes()
    {
        var retry = new RetryAttribute();
        var breaker = new CircuitBreakerAttribute();

        Assert.Equal(RecoveryDefaults.MaxRetries, retry.MaxRetries);
        Assert.Equal(RecoveryDefaults.DelayMilliseconds, retry.DelayMilliseconds);
        Assert.Equal(RecoveryDefaults.Backoff, retry.Backoff.ToString());
        Assert.Equal(RecoveryDefaults.FailureThreshold, breaker.FailureThreshold);
        Assert.Equal(RecoveryDefaults.OpenMilliseconds, breaker.OpenMilliseconds);
        Assert.Equal(0, new DeadlineAttribute().Milliseconds); // no default: a [Deadline] must say how long
    }

    [Fact]
    public void A_fallback_is_drawn_as_the_last_failure_route()
    {
        var run = GeneratorHarness.Run(MachineSources.Recovery);

        var reservation = run.Sources.Single(s => s.HintName == "Demo.Recovery.Reservation.g.cs").SourceText.ToString();
        Assert.Contains("Charge --> SoldOut : on SoldOutException\\n    Charge --> Waitlist : on failure", reservation);
    }

    [Fact]
    public void Only_machines_with_recovery_mention_Polly()
    {
        var run = GeneratorHarness.Run(MachineSources.DataFlow);

        Assert.DoesNotContain("Polly", run.GeneratedText());
        Assert.DoesNotContain("RecoveryTimeProvider", run.GeneratedText());
    }
}
