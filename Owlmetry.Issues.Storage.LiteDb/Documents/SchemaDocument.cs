namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The one row of the <c>_meta</c> collection that records which schema version the file is at.</summary>
internal sealed class SchemaDocument
{
    public const string RowId = "schema";

    public string Id { get; set; } = RowId;

    public int Version { get; set; }
}
