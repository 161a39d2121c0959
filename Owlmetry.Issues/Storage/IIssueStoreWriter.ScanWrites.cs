using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// The scan's writes for a whole batch at once, each as the single-item write would make them one by one, in order; a
/// provider whose writes are round trips may make them in one statement.
/// </summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Adds new issues, as <see cref="InsertIssueAsync"/> would; an id given twice or already stored is a conflict.</summary>
    async ValueTask InsertIssuesAsync(IReadOnlyCollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues)
        {
            await InsertIssueAsync(issue).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces existing issues, as <see cref="UpdateIssueAsync"/> would one by one: an issue given twice ends as its
    /// last version, and a missing one throws <see cref="InvalidOperationException"/>.
    /// </summary>
    async ValueTask UpdateIssuesAsync(IReadOnlyCollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues)
        {
            await UpdateIssueAsync(issue).ConfigureAwait(false);
        }
    }

    /// <summary>Aliases each fingerprint to its issue, as <see cref="AssignFingerprintAsync"/> would, replacing earlier aliases of the keys.</summary>
    async ValueTask AssignFingerprintsAsync(IReadOnlyDictionary<FingerprintKey, Guid> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var (key, issueId) in aliases)
        {
            await AssignFingerprintAsync(key, issueId).ConfigureAwait(false);
        }
    }
}
