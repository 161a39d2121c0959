namespace Owlmetry.Issues.Storage;

/// <summary>The names of the leases the library takes (<see cref="IIssueStore.TryAcquireLeaseAsync"/>).</summary>
internal static class StoreLeases
{
    /// <summary>Held for a scan pass: one pass at a time across the processes sharing a store.</summary>
    public const string Scan = "scan";

    /// <summary>Held for a notification dispatch pass: each pending notification is handed over by one process.</summary>
    public const string NotificationDispatch = "notification-dispatch";
}
