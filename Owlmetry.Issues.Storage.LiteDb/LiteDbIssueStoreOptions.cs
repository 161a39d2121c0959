namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>Options of the LiteDB issue store, configured through <c>UseLiteDb(o => …)</c>.</summary>
public sealed class LiteDbIssueStoreOptions
{
    /// <summary>
    /// The database file, absolute or relative to the working directory. Its folder is created on first use, and
    /// LiteDB keeps its write-ahead log beside it (<c>name-log.ext</c>) while the store is open. Required.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// What a returned unit of work survives: the end of the process (<see cref="LiteDbDurability.ProcessCrash"/>,
    /// the default) or a power loss too (<see cref="LiteDbDurability.PowerLoss"/>). A file may be reopened with
    /// the other setting at any time.
    /// </summary>
    public LiteDbDurability Durability { get; set; } = LiteDbDurability.ProcessCrash;
}
