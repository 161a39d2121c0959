namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// A client event id accepted for an app, kept forever: its primary key is what refuses a duplicate. It carries the
/// sequence of the error event stored under it (none for events of other levels), which an attachment reserved after
/// the scan follows to its event.
/// </summary>
internal sealed class ClientEventDocument
{
    public string Id { get; set; } = "";

    public long? EventSequence { get; set; }
}
