using Microsoft.Extensions.DependencyInjection;

namespace Owlmetry.Issues.DependencyInjection;

internal sealed class IssuesBuilder(IServiceCollection services) : IIssuesBuilder
{
    public IServiceCollection Services { get; } = services;
}
