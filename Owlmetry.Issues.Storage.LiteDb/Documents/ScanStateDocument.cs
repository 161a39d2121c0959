namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The scan's high-water mark: the sequence of the last scanned event.</summary>
internal sealed class ScanStateDocument
{
    public const string CheckpointId = "checkpoint";

    public string Id { get; set; } = CheckpointId;

    public long Sequence { get; set; }
}
