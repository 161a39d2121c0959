namespace Owlmetry.Issues.Access;

/// <summary>The API key permissions this library checks.</summary>
public static class IssuePermissions
{
    /// <summary>List and read issues and comments.</summary>
    public const string Read = "issues:read";

    /// <summary>Change status, merge, write comments.</summary>
    public const string Write = "issues:write";

    /// <summary>Send events and attachments (client keys); with an agent key, also delete attachments.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>List and read stored events; list, read and download attachments.</summary>
    public const string EventsRead = "events:read";

    /// <summary>List and read the scan jobs a team triggered.</summary>
    public const string JobsRead = "jobs:read";

    /// <summary>Trigger a scan job (with an admin user or an agent key).</summary>
    public const string JobsWrite = "jobs:write";
}
