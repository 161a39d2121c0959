using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// The real server pipeline on a fake clock. Without a data directory it runs on in-memory storage (its Data Protection
/// keys included) with a fixed JWT secret and no first-start bootstrap, and writes no files; with one it starts as a fresh install there, on LiteDB.
/// With <c>OWLMETRY_TEST_SERVER_STORAGE=postgresql</c> a server without a data directory keeps its issues, directory
/// and webhooks in a schema of its own on the PostgreSQL test server instead, dropped when the factory is disposed:
/// the API tests' pass on PostgreSQL.
/// </summary>
internal sealed partial class OwlmetryServerFactory(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private static readonly bool s_onPostgreSql =
        string.Equals(Environment.GetEnvironmentVariable("OWLMETRY_TEST_SERVER_STORAGE"), "postgresql", StringComparison.OrdinalIgnoreCase);

    private string? _schema;

    public OwlmetryServerFactory(IReadOnlyDictionary<string, string?> settings)
        : this(null, settings)
    {
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.TruncateToMilliseconds());

    public IDirectoryStore Directory => Services.GetRequiredService<IDirectoryStore>();

    public IIssueStore IssueStore => Services.GetRequiredService<IIssueStore>();

    public IAttachmentBlobStore Blobs => Services.GetRequiredService<IAttachmentBlobStore>();

    /// <summary>A provider that sees the server's logs besides the console, behind the same level filters.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>
    /// The server as the binary copied alone into a folder of its own: no appsettings.json beside it nor in the
    /// working directory, only what the binary carries.
    /// </summary>
    public bool WithoutSettingsFiles { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (dataDirectory is null)
        {
            builder.UseSetting("Auth:JwtSecret", "test-secret-test-secret-test-secret-0123456789");
            builder.UseSetting("Bootstrap:Enabled", "false");
            if (s_onPostgreSql)
            {
                PostgreSqlTestServer.EnsureStartedAsync().GetAwaiter().GetResult();
                _schema ??= PostgreSqlTestServer.NewSchema();
                builder.UseSetting("Storage:Provider", "postgresql");
                builder.UseSetting("ConnectionStrings:Owlmetry", PostgreSqlTestServer.ConnectionString);
                builder.UseSetting("Storage:Schema", _schema);
            }
        }
        else
        {
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
        }

        // Tests run the scan, the digests and the attachment cleanup by hand unless a test switches them on.
        builder.UseSetting("Scan:Enabled", "false");
        builder.UseSetting("Digest:Enabled", "false");
        builder.UseSetting("Attachments:CleanupEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (WithoutSettingsFiles)
        {
            builder.ConfigureAppConfiguration((_, configuration) =>
            {
                foreach (var file in configuration.Sources.OfType<FileConfigurationSource>().Where(s => s.Path == ShippedSettings.FileName).ToList())
                {
                    configuration.Sources.Remove(file);
                }
            });
        }

        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (dataDirectory is null)
            {
                if (!s_onPostgreSql)
                {
                    services.Replace(ServiceDescriptor.Singleton<IIssueStore, InMemoryIssueStore>());
                    services.Replace(ServiceDescriptor.Singleton<IDirectoryStore, InMemoryDirectoryStore>());
                    services.Replace(ServiceDescriptor.Singleton<IXmlRepository, InMemoryXmlRepository>());
                }

                services.Replace(ServiceDescriptor.Singleton<IAttachmentBlobStore, InMemoryAttachmentBlobStore>());
            }

            // PBKDF2 at its production cost would dominate the run; the cost is not what these tests are about.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        DisposeApiClients();
        await base.DisposeAsync();
        if (_schema is not null)
        {
            await PostgreSqlTestServer.DropSchemaAsync(_schema);
            _schema = null;
        }
    }
}
