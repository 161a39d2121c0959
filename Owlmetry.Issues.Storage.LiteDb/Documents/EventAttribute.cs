namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>One custom attribute of a stored event.</summary>
internal sealed class EventAttribute
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
