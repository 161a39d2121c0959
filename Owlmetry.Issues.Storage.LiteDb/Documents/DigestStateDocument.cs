namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>When a project's last digest went out; keyed by the project id.</summary>
internal sealed class DigestStateDocument
{
    public Guid Id { get; set; }

    public long LastDigestAt { get; set; }
}
