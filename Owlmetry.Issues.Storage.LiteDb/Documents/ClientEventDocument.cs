namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>A client event id accepted for an app, kept forever: its primary key is what refuses a duplicate.</summary>
internal sealed class ClientEventDocument
{
    public string Id { get; set; } = "";
}
