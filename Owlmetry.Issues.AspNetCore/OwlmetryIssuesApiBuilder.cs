namespace Owlmetry.Issues.AspNetCore;

internal sealed class OwlmetryIssuesApiBuilder(IServiceCollection services) : IOwlmetryIssuesApiBuilder
{
    public IServiceCollection Services { get; } = services;
}
