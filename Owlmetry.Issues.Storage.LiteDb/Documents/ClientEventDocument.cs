namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>A client event id accepted for an app, kept forever: its primary key is what refuses a duplicate.</summary>
internal sealed class ClientEventDocument
{
    public string Id { get; set; } = "";
}
