namespace Owlmetry.Issues.Notifications;

/// <summary>An issue as an <c>issue.new</c> notification lists it.</summary>
/// <param name="Id">The issue id.</param>
/// <param name="Title">The issue title.</param>
/// <param name="AppName">The name of the issue's app.</param>
/// <param name="ProjectName">The name of the issue's project.</param>
public sealed record NotifiedIssue(Guid Id, string Title, string AppName, string ProjectName);
