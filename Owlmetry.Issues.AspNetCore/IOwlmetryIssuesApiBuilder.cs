namespace Owlmetry.Issues.AspNetCore;

/// <summary>What <c>AddOwlmetryIssuesApi</c> returns: the services, for extensions of the API's registration.</summary>
public interface IOwlmetryIssuesApiBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
