using Owlmetry.Issues.Notifications;

namespace Owlmetry.Issues.Projects;

/// <summary>A project as the issue library sees it.</summary>
/// <param name="Id">The project id.</param>
/// <param name="TeamId">The team that owns the project.</param>
/// <param name="Name">The display name (<c>project_name</c>).</param>
/// <param name="AlertFrequency">How often its digest may go out; null when the project set none (daily applies).</param>
public sealed record ProjectInfo(Guid Id, Guid TeamId, string Name, IssueAlertFrequency? AlertFrequency = null)
{
    /// <summary>The frequency that applies: <see cref="AlertFrequency"/>, or daily when it is null.</summary>
    public IssueAlertFrequency EffectiveAlertFrequency => AlertFrequency ?? IssueAlertFrequencyRules.Default;
}
