using System.Text;
using Carter;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.DataProtection;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Http;
using Owlmetry.Issues.Host.Http.OpenApi;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Host.Storage;
using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.WebConsole;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>The self-hosted server: the Issues API plus its own directory, authentication and bootstrap.</summary>
public static class OwlmetryServer
{
    /// <summary>The one LiteDB file in the data directory that holds issues, events and the directory.</summary>
    public const string DatabaseFileName = "owlmetry.db";

    public static WebApplicationBuilder AddOwlmetryServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddShippedSettings();
        if (ListenAddress.Resolve(builder.Configuration) is { } address)
        {
            builder.WebHost.UseUrls(address);
        }

        var services = builder.Services;
        services.AddOwlmetryDirectory(builder.Configuration);
        var issues = services.AddOwlmetryIssues(o =>
            {
                o.BackgroundScan = builder.Configuration.GetValue("Scan:Enabled", o.BackgroundScan);
                o.ScanInterval = PositiveTimeSpan(builder.Configuration, "Scan:Interval", o.ScanInterval);
                o.ScanGivesWayToIngest = builder.Configuration.GetValue("Scan:GivesWayToIngest", o.ScanGivesWayToIngest);
                o.ScanBatchSize = AtLeastOne(builder.Configuration, "Scan:BatchSize", o.ScanBatchSize);
                o.EventRetention = PositiveTimeSpan(builder.Configuration, "Events:Retention", o.EventRetention);
            })
            .UseServerStorage(builder.Configuration)
            .UseDirectory<StoreIssueDirectory>()
            .AddServerAttachments(builder.Configuration)
            .AddBackgroundScan();
        issues.AddWebhooks().AddNotifications(o => o.BackgroundDigests = builder.Configuration.GetValue("Digest:Enabled", o.BackgroundDigests));

        // Ahead of the API's exception handler, which answers what it does not know with 500.
        services.AddExceptionHandler<DirectoryConflictExceptionHandler>();
        services.AddOwlmetryIssuesApi(o =>
        {
            o.AuthenticationScheme = OwlmetryAuthenticationHandler.SchemeName;
            o.IngestRateLimitingPolicy = IngestRateLimiting.PolicyName;
            o.DownloadRateLimitingPolicy = AnonymousRateLimiting.DownloadPolicyName;
        }).AddMcp()
            // The server's own routes (directory, auth, backups, the console's) are the same /v1 API: its JSON, problems and errors.
            .ApplyToWholeApplication();
        services.AddIngestRateLimiting(builder.Configuration);
        services.AddAnonymousRateLimiting(builder.Configuration);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName)
            .PostConfigure<IJwtSecretSource>((options, secrets) =>
            {
                if (string.IsNullOrEmpty(options.JwtSecret))
                {
                    options.JwtSecret = secrets.ReadOrCreate();
                }
            })
            .Validate(
                options => Encoding.UTF8.GetByteCount(options.JwtSecret ?? string.Empty) >= JwtSecretFile.MinimumLength,
                $"Auth:JwtSecret must be at least {JwtSecretFile.MinimumLength} bytes long (HS256 needs 256 bits).")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName);
        services.AddHostedService<DataDirectoryPermissionsCheck>();
        services.AddHostedService<BootstrapHostedService>();
        services.AddSingleton<BackupToken>();
        services.AddHostedService(sp => sp.GetRequiredService<BackupToken>());
        services.AddSingleton<UserTokenService>();
        if (WebConsoleEnabled(builder.Configuration))
        {
            services.AddOwlmetryWebConsole();
            services.AddServerDataProtection();
            services.AddSingleton<IWebConsoleSignIn, ServerWebConsoleSignIn>();
        }

        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName)
            .Validate(o => o.MaxTeamsPerUser >= 1, "Directory:MaxTeamsPerUser must be at least 1.")
            .Validate(o => o.MaxMembersPerTeam >= 1, "Directory:MaxMembersPerTeam must be at least 1.")
            .Validate(o => o.MaxProjectsPerTeam >= 1, "Directory:MaxProjectsPerTeam must be at least 1.")
            .Validate(o => o.MaxAppsPerProject >= 1, "Directory:MaxAppsPerProject must be at least 1.")
            .Validate(o => o.MaxKeysPerTeam >= 1, "Directory:MaxKeysPerTeam must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<DirectoryService>();
        services.TryAddSingleton<IActorResolver, OwlmetryActorResolver>();

        // The server's own modules (directory, auth, backups) are every module of this assembly, found by convention so
        // that a new one cannot be left unregistered; the catalog is this assembly only (an array: see STYLE §3). The
        // Issues API's modules are mapped by MapOwlmetryIssues on their own group, not by MapCarter.
        services.AddCarter(
            new DependencyContextAssemblyCatalog([typeof(OwlmetryServer).Assembly]),
            c => c.WithModules([.. ServerModuleTypes]).WithEmptyValidators().WithEmptyResponseNegotiators());

        services.AddAuthentication(OwlmetryAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OwlmetryAuthenticationHandler>(OwlmetryAuthenticationHandler.SchemeName, null);
        services.AddOwlmetryOpenApi();

        // Last: the metrics decorator wraps whichever issue store the lines above chose.
        services.AddServerObservability(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The directory's storage and the bootstrap, shared by the server and the <c>init</c> command so both see the
    /// same store: the configured <see cref="IDirectoryStore"/> (see <see cref="ServerStorage"/>), unless one is registered
    /// already, as the tests register an in-memory one.
    /// </summary>
    public static IServiceCollection AddOwlmetryDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DataDirectory.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddServerStores(configuration);
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.TryAddSingleton<DirectoryBootstrapper>();
        return services;
    }

    public static WebApplication UseOwlmetryServer(this WebApplication app)
    {
        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseRequestDecompression();
        app.UseAuthentication();
        var webConsole = WebConsoleEnabled(app.Configuration);
        if (webConsole)
        {
            app.UseOwlmetryWebConsole();
        }

        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOwlmetryOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(HealthResponse.Ok)).WithName("Health").WithSummary("Check that the server is up").WithTags("Health");
        app.MapServerObservability();

        // A path of the API asked with a method it does not take answers 405 (with Allow), so every operation lists it.
        app.MapOwlmetryIssues("/v1").ProducesProblem(StatusCodes.Status405MethodNotAllowed);
        app.MapOwlmetryIssuesMcp("/mcp");
        app.MapGroup(string.Empty).ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(OwlmetryIssuesApiOptions.MaxJsonBodyBytes)).MapCarter();
        if (webConsole)
        {
            app.MapOwlmetryWebConsole("/").Login.RequireLoginRateLimiting();
        }

        return app;
    }

    // The library's own checks name its options (EventRetention, ScanBatchSize); the operator wrote the configuration key.
    private static TimeSpan PositiveTimeSpan(IConfiguration configuration, string key, TimeSpan defaultValue) =>
        configuration.GetValue(key, defaultValue) is var value && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"{key} must be positive, not '{configuration[key]}'.");

    private static int? AtLeastOne(IConfiguration configuration, string key, int? defaultValue) =>
        configuration.GetValue(key, defaultValue) is var value && value is null or >= 1
            ? value
            : throw new InvalidOperationException($"{key} must be at least 1, not '{configuration[key]}'.");

    /// <summary>The triage console at <c>/</c> (<c>Console:Enabled</c>, on by default).</summary>
    private static bool WebConsoleEnabled(IConfiguration configuration) => configuration.GetValue("Console:Enabled", true);

    private static IEnumerable<Type> ServerModuleTypes =>
        typeof(OwlmetryServer).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ICarterModule)));
}
