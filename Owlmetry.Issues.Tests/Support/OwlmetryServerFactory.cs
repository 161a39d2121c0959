using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The real server pipeline over in-memory storage and a fake clock.</summary>
internal sealed class OwlmetryServerFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Tests run the scan by hand (through the jobs endpoint) unless a test switches the background scan on.</summary>
    private static readonly Dictionary<string, string?> s_defaults = new()
    {
        ["Auth:JwtSecret"] = "test-secret-test-secret-test-secret-0123456789",
        ["Scan:Enabled"] = "false",
    };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.TruncateToMilliseconds());

    public IDirectoryStore Directory => Services.GetRequiredService<IDirectoryStore>();

    public IIssueStore IssueStore => Services.GetRequiredService<IIssueStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in s_defaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
