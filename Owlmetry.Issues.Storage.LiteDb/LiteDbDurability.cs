namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>What a unit of work survives once <c>WriteAsync</c> has returned.</summary>
public enum LiteDbDurability
{
    /// <summary>
    /// The default. A returned unit is in the operating system's hands: it survives the process being killed
    /// (SIGKILL, an out-of-memory kill, a crash), and the log is synced to disk in the background about once a
    /// second. A power loss or a kernel crash can lose the units of that last second, never part of one: the log's
    /// pages carry checksums, and the log is cut after the last whole unit when the file is next opened.
    /// </summary>
    ProcessCrash,

    /// <summary>
    /// A returned unit is synced to disk: it also survives a power loss, as far as the disk honours a sync. Every
    /// commit waits for two syncs of the log (about 1 ms on a fast disk, far more on a busy one); concurrent ingest
    /// calls share them.
    /// </summary>
    PowerLoss,
}
