namespace FsmGen.Patterns.ErrorRecovery.Tests;

public sealed class FileSagaStoreTests
{
    [Fact]
    public async Task A_saved_state_loads_back_equal_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        var store = new FileSagaStore(directory.Path);
        var state = new SagaState("order/42", SagaStatus.Compensating, ["a", "b"], 2, [1], FailedStep: 2, Error: "boom");

        await store.SaveAsync(state);
        await store.SaveAsync(state with { CompensatedSteps = [1, 0] });
        var loaded = await store.LoadAsync("order/42");

        Assert.NotNull(loaded);
        Assert.Equal((state.SagaId, state.Status, 2, 2, "boom"), (loaded.SagaId, loaded.Status, loaded.CompletedSteps, loaded.FailedStep!.Value, loaded.Error!));
        Assert.Equal(["a", "b"], loaded.StepNames);
        Assert.Equal([1, 0], loaded.CompensatedSteps);
        Assert.Equal([store.PathOf("order/42")], Directory.GetFiles(directory.Path));
        Assert.Contains("\"Compensating\"", await File.ReadAllTextAsync(store.PathOf("order/42")), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_that_differ_only_in_unsafe_characters_get_different_files()
    {
        var store = new FileSagaStore(Path.GetTempPath());

        Assert.NotEqual(store.PathOf("order/42"), store.PathOf("order_2F42"));
        Assert.NotEqual(store.PathOf("../x"), store.PathOf("x"));
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()), Path.GetDirectoryName(store.PathOf("../../etc/passwd")) + Path.DirectorySeparatorChar);
    }

    [Fact]
    public async Task An_unknown_saga_loads_as_null_and_a_deleted_one_is_gone()
    {
        using var directory = new TempDirectory();
        var store = new FileSagaStore(directory.Path);
        Assert.Null(await store.LoadAsync("nope"));

        await store.SaveAsync(new SagaState("gone", SagaStatus.Completed, ["a"], 1, []));
        await store.DeleteAsync("gone");

        Assert.Null(await store.LoadAsync("gone"));
    }
}
