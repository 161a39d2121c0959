namespace Owlmetry.Issues.Domain;

/// <summary>The lifecycle status of an <see cref="Issue"/>. Wire names are snake_case (<c>in_progress</c>).</summary>
public enum IssueStatus
{
    /// <summary>Detected and not yet triaged; also the status of an issue reopened by hand or woken from snooze.</summary>
    New,

    /// <summary>Someone is working on it.</summary>
    InProgress,

    /// <summary>Fixed in a known app version (<see cref="Issue.ResolvedAtVersion"/>).</summary>
    Resolved,

    /// <summary>A known issue nobody wants to hear about again.</summary>
    Silenced,

    /// <summary>Set by the scan when a resolved issue occurs again in a newer app version.</summary>
    Regressed,

    /// <summary>A suspected one-off: the scan returns it to <see cref="New"/> on its next occurrence.</summary>
    Snoozed,
}
