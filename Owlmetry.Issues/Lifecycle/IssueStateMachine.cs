using Owlmetry.Issues.Domain;
using Stateless;

namespace Owlmetry.Issues.Lifecycle;

/// <summary>
/// The one place where status rules live: a Stateless machine over an immutable <see cref="Issue"/>, built per
/// call (the external-state pattern). Entry and exit actions apply the side effects of each transition.
/// </summary>
internal sealed class IssueStateMachine
{
    private readonly StateMachine<IssueStatus, IssueTrigger> _machine;
    private readonly StateMachine<IssueStatus, IssueTrigger>.TriggerWithParameters<string> _resolve;
    private readonly DateTimeOffset _now;
    private Issue _issue;

    public IssueStateMachine(Issue issue, DateTimeOffset now)
    {
        _issue = issue;
        _now = now;
        _machine = new StateMachine<IssueStatus, IssueTrigger>(() => _issue.Status, status => _issue = _issue with { Status = status });
        _resolve = _machine.SetTriggerParameters<string>(IssueTrigger.Resolve);
        Configure();
    }

    public Issue Issue => _issue;

    public StateMachine<IssueStatus, IssueTrigger> Machine => _machine;

    /// <summary>
    /// Whether the trigger is permitted from the current status. Resolve is asked with a stand-in version: the
    /// question is whether the transition exists; the version itself is checked when it is fired.
    /// </summary>
    public bool CanFire(IssueTrigger trigger) =>
        trigger == IssueTrigger.Resolve ? _machine.CanFire(_resolve, "version") : _machine.CanFire(trigger);

    public void Fire(IssueTrigger trigger) => _machine.Fire(trigger);

    public void Resolve(string version) => _machine.Fire(_resolve, version);

    private void Configure()
    {
        _machine.Configure(IssueStatus.New)
            .OnEntry(ClearResolvedVersion)
            .Permit(IssueTrigger.StartProgress, IssueStatus.InProgress)
            .PermitIf(_resolve, IssueStatus.Resolved, HasVersion, "resolved_at_version given")
            .Permit(IssueTrigger.Silence, IssueStatus.Silenced)
            .Permit(IssueTrigger.Snooze, IssueStatus.Snoozed);

        _machine.Configure(IssueStatus.InProgress)
            .OnEntry(ClearResolvedVersion)
            .Permit(IssueTrigger.Reopen, IssueStatus.New)
            .PermitIf(_resolve, IssueStatus.Resolved, HasVersion, "resolved_at_version given")
            .Permit(IssueTrigger.Silence, IssueStatus.Silenced)
            .Permit(IssueTrigger.Snooze, IssueStatus.Snoozed);

        _machine.Configure(IssueStatus.Resolved)
            .OnEntryFrom(_resolve, version => _issue = _issue with { ResolvedAtVersion = version }, "record resolved_at_version")
            .Permit(IssueTrigger.Reopen, IssueStatus.New)
            .Permit(IssueTrigger.Silence, IssueStatus.Silenced)
            .Permit(IssueTrigger.Snooze, IssueStatus.Snoozed)
            .Permit(IssueTrigger.Regress, IssueStatus.Regressed);

        _machine.Configure(IssueStatus.Regressed)
            .OnEntry(ClearResolvedVersion)
            .Permit(IssueTrigger.StartProgress, IssueStatus.InProgress)
            .PermitIf(_resolve, IssueStatus.Resolved, HasVersion, "resolved_at_version given")
            .Permit(IssueTrigger.Silence, IssueStatus.Silenced)
            .Permit(IssueTrigger.Snooze, IssueStatus.Snoozed);

        _machine.Configure(IssueStatus.Silenced)
            .Permit(IssueTrigger.Reopen, IssueStatus.New)
            .Permit(IssueTrigger.StartProgress, IssueStatus.InProgress)
            .PermitIf(_resolve, IssueStatus.Resolved, HasVersion, "resolved_at_version given")
            .Permit(IssueTrigger.Snooze, IssueStatus.Snoozed);

        _machine.Configure(IssueStatus.Snoozed)
            .OnEntry(() => _issue = _issue with { SnoozedAt = _now })
            .OnExit(() => _issue = _issue with { SnoozedAt = null })
            .Permit(IssueTrigger.Reopen, IssueStatus.New)
            .Permit(IssueTrigger.StartProgress, IssueStatus.InProgress)
            .PermitIf(_resolve, IssueStatus.Resolved, HasVersion, "resolved_at_version given")
            .Permit(IssueTrigger.Silence, IssueStatus.Silenced)
            .Permit(IssueTrigger.Wake, IssueStatus.New);

        _machine.OnTransitioned(_ => _issue = _issue with { UpdatedAt = _now });
    }

    private static bool HasVersion(string version) => !string.IsNullOrWhiteSpace(version);

    private void ClearResolvedVersion() => _issue = _issue with { ResolvedAtVersion = null };
}
