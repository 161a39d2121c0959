using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The real server pipeline over in-memory storage and a fake clock.</summary>
internal sealed class OwlmetryServerFactory : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.TruncateToMilliseconds());

    public IDirectoryStore Directory => Services.GetRequiredService<IDirectoryStore>();

    public IIssueStore IssueStore => Services.GetRequiredService<IIssueStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Auth:JwtSecret", "test-secret-test-secret-test-secret-0123456789");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
