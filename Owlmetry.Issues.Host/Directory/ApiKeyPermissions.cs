using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>The permissions an API key may carry (CONTRACT §4).</summary>
public static class ApiKeyPermissions
{
    public const string IssuesRead = IssuePermissions.Read;
    public const string IssuesWrite = IssuePermissions.Write;
    public const string EventsWrite = IssuePermissions.EventsWrite;
    public const string EventsRead = "events:read";
    public const string ProjectsRead = "projects:read";
    public const string ProjectsWrite = "projects:write";
    public const string AppsRead = "apps:read";
    public const string AppsWrite = "apps:write";
    public const string JobsRead = "jobs:read";
    public const string JobsWrite = "jobs:write";
    public const string AuditLogsRead = "audit_logs:read";

    public static IReadOnlyList<string> All { get; } =
    [
        IssuesRead, IssuesWrite, EventsWrite, EventsRead, ProjectsRead, ProjectsWrite,
        AppsRead, AppsWrite, JobsRead, JobsWrite, AuditLogsRead,
    ];

    public static IReadOnlyList<string> Client { get; } = [EventsWrite];

    // An agent key created without a list can look but not touch.
    public static IReadOnlyList<string> AgentDefault { get; } = [IssuesRead, EventsRead, ProjectsRead, AppsRead, JobsRead, AuditLogsRead];
}
