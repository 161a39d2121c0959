namespace Owlmetry.Issues.AspNetCore;

/// <summary>
/// Says that <c>AddOwlmetryIssuesApi</c> registered the API's services, and remembers where <c>MapOwlmetryIssues</c>
/// mapped it: the API's endpoint names are unique in an application, so it can be mapped once.
/// </summary>
internal sealed class IssuesApiRegistration
{
    public string? MappedPrefix { get; set; }
}
