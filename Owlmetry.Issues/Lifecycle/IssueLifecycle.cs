using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Stateless.Graph;

namespace Owlmetry.Issues.Lifecycle;

/// <summary>
/// The issue status rules: which manual transitions the API allows, their side effects, and the two transitions
/// only the scan may make (<c>resolved → regressed</c>, <c>snoozed → new</c>).
/// </summary>
internal static class IssueLifecycle
{
    /// <summary>The longest <see cref="Issue.ResolvedAtVersion"/> accepted, after trimming.</summary>
    public const int MaxResolvedVersionLength = 50;

    private static readonly Issue s_probe = new()
    {
        Id = Guid.Empty, ProjectId = Guid.Empty, AppId = Guid.Empty, Title = string.Empty,
        FirstSeenAt = default, LastSeenAt = default, CreatedAt = default, UpdatedAt = default,
    };

    /// <summary>Whether a user or agent may move an issue from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(IssueStatus from, IssueStatus to) =>
        ManualTrigger(to) is { } trigger && new IssueStateMachine(s_probe with { Status = from }, default).CanFire(trigger);

    /// <summary>The statuses a user or agent may move an issue to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<IssueStatus> AllowedTargets(IssueStatus from) =>
        Enum.GetValues<IssueStatus>().Where(to => CanTransition(from, to)).ToArray();

    /// <summary>The state machine as a Mermaid state diagram, generated from the machine itself.</summary>
    public static string ToMermaid() => MermaidGraph.Format(new IssueStateMachine(s_probe, default).Machine.GetInfo());

    /// <summary>
    /// Applies a manual status change with its side effects: <c>resolved_at_version</c> required (trimmed,
    /// 1..50 chars) when resolving and cleared on the way back to new or in progress; <c>snoozed_at</c> set on
    /// entering snoozed and cleared on leaving it; <c>updated_at</c> bumped.
    /// </summary>
    /// <returns>The changed issue, or an invalid-input error naming the refused transition.</returns>
    public static IssueResult<Issue> ChangeStatus(Issue issue, IssueStatus target, string? resolvedAtVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var machine = new IssueStateMachine(issue, now);
        if (ManualTrigger(target) is not { } trigger || !machine.CanFire(trigger))
        {
            return IssueError.Invalid($"Cannot transition from '{issue.Status.ToWireName()}' to '{target.ToWireName()}'");
        }

        if (trigger != IssueTrigger.Resolve)
        {
            machine.Fire(trigger);
            return machine.Issue;
        }

        var version = resolvedAtVersion?.Trim();
        if (string.IsNullOrEmpty(version))
        {
            return IssueError.Invalid("resolved_at_version is required when resolving an issue. Use status='silenced' if you don't want auto-regression.");
        }

        if (version.Length > MaxResolvedVersionLength)
        {
            return IssueError.Invalid($"resolved_at_version must be at most {MaxResolvedVersionLength} characters");
        }

        if (StoredText.ContainsNul(version))
        {
            return StoredText.NulRefused("resolved_at_version");
        }

        machine.Resolve(version);
        return machine.Issue;
    }

    /// <summary>The scan's <c>resolved → regressed</c> transition; null when the issue is not resolved.</summary>
    public static Issue? Regress(Issue issue, DateTimeOffset now) => FireSystem(issue, IssueTrigger.Regress, now);

    /// <summary>The scan's <c>snoozed → new</c> transition; null when the issue is not snoozed.</summary>
    public static Issue? Wake(Issue issue, DateTimeOffset now) => FireSystem(issue, IssueTrigger.Wake, now);

    private static Issue? FireSystem(Issue issue, IssueTrigger trigger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var machine = new IssueStateMachine(issue, now);
        if (!machine.CanFire(trigger))
        {
            return null;
        }

        machine.Fire(trigger);
        return machine.Issue;
    }

    private static IssueTrigger? ManualTrigger(IssueStatus target) => target switch
    {
        IssueStatus.New => IssueTrigger.Reopen,
        IssueStatus.InProgress => IssueTrigger.StartProgress,
        IssueStatus.Resolved => IssueTrigger.Resolve,
        IssueStatus.Silenced => IssueTrigger.Silence,
        IssueStatus.Snoozed => IssueTrigger.Snooze,
        _ => null,
    };
}
