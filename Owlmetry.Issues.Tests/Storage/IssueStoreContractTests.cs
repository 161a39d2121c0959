using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IIssueStore"/> must have, run against each provider by a concrete subclass.
/// The in-memory store is the reference: where a test states an order, it is the order that store computes.
/// </summary>
public abstract partial class IssueStoreContractTests
{
    protected IIssueStore Store { get; private set; } = null!;

    /// <summary>A new, empty store for one test; a provider with files or handles releases them in a [TearDown] of its own.</summary>
    protected abstract IIssueStore CreateStore();

    [SetUp]
    public void CreateStoreForTest() => Store = CreateStore();

    protected Task WriteAsync(Func<IIssueStoreWriter, ValueTask> write) => Store.WriteAsync(write);

    protected Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write) => Store.WriteAsync(write);

    protected Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read) => Store.ReadAsync(read);

    protected async Task<Issue> InsertAsync(Issue issue)
    {
        await WriteAsync(writer => writer.InsertIssueAsync(issue));
        return issue;
    }

    protected async Task<IReadOnlyList<Issue>> InsertAllAsync(IReadOnlyList<Issue> issues)
    {
        await WriteAsync(async writer =>
        {
            foreach (var issue in issues)
            {
                await writer.InsertIssueAsync(issue);
            }
        });
        return issues;
    }
}
