using Microsoft.Extensions.DependencyInjection;

namespace Owlmetry.Issues.DependencyInjection;

/// <summary>
/// Returned by <c>AddOwlmetryIssues</c>: the hook that storage providers and other extensions hang their
/// <c>UseXxx</c> methods on.
/// </summary>
public interface IIssuesBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
