using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// A fingerprint alias. The id is the whole <see cref="FingerprintKey"/>, so the primary key itself keeps one
/// alias per (hash, app, dev/prod); the parts are kept too for anyone reading the file.
/// </summary>
internal sealed class FingerprintDocument
{
    public string Id { get; set; } = "";

    public string Hash { get; set; } = "";

    public Guid AppId { get; set; }

    public bool IsDev { get; set; }

    public Guid IssueId { get; set; }

    public static FingerprintDocument From(FingerprintKey key, Guid issueId) => new()
    {
        Id = StorageKeys.Fingerprint(key),
        Hash = key.Hash,
        AppId = key.AppId,
        IsDev = key.IsDev,
        IssueId = issueId,
    };
}
