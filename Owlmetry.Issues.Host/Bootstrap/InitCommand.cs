using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;

namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary><c>Owlmetry.Issues.Host init [--data DIR] [--json]</c>: the first-start bootstrap, run by hand.</summary>
public static class InitCommand
{
    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int UsageError = 2;
    internal const string Usage = "Usage: Owlmetry.Issues.Host init [--data DIR] [--json]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var data, out var json))
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        var configuration = BuildConfiguration(data);
        await using var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddOwlmetryDirectory(configuration)
            .BuildServiceProvider();
        var dataDirectory = services.GetRequiredService<DataDirectory>();
        // Checked before the bootstrapper exists: opening the LiteDB store creates its files.
        if (!ServerStorage.UsesPostgreSql(configuration) && FirstEntry(dataDirectory) is { } entry)
        {
            await error.WriteLineAsync($"The data directory {dataDirectory.Path} is not empty (it holds {Described(entry)}); init sets up an empty directory only and changed nothing.");
            return Refused;
        }

        var bootstrapper = services.GetRequiredService<DirectoryBootstrapper>();
        try
        {
            // A credentials file is an earlier bootstrap's trace even where the store cannot show one (the in-memory store).
            if (File.Exists(bootstrapper.CredentialsPath))
            {
                await error.WriteLineAsync($"The data directory {dataDirectory.Path} is not empty; init changed nothing.");
                return Refused;
            }

            if (await bootstrapper.TryBootstrapAsync(ct) is not { } credentials)
            {
                var store = ServerStorage.UsesPostgreSql(configuration)
                    ? $"The PostgreSQL schema {ServerStorage.Schema(configuration)}"
                    : $"The data directory {dataDirectory.Path}";
                await error.WriteLineAsync($"{store} is not empty; init changed nothing.");
                return Refused;
            }

            await output.WriteLineAsync(json ? credentials.ToJson() : Describe(credentials, bootstrapper.CredentialsPath));
            return Succeeded;
        }
        catch (InvalidOperationException e) when (ServerStorage.UsesPostgreSql(configuration))
        {
            // The database could not be reached or migrated: the message names it and the cause.
            await error.WriteLineAsync($"init cannot use the storage: {e.Message}");
            return Refused;
        }
    }

    private static string? FirstEntry(DataDirectory dataDirectory) =>
        System.IO.Directory.Exists(dataDirectory.Path)
            ? System.IO.Directory.EnumerateFileSystemEntries(dataDirectory.Path).Select(System.IO.Path.GetFileName).FirstOrDefault()
            : null;

    // As initdb says of the same case: a file system's root is no place for data that must be moved or restored whole.
    private static string Described(string entry) =>
        entry == "lost+found" ? "lost+found: a mount point; use a folder inside it" : entry;

    private static bool TryParse(IReadOnlyList<string> args, out string? data, out bool json)
    {
        data = null;
        json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--data" when i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]):
                    data = args[++i];
                    break;
                case var arg when arg.StartsWith("--data=", StringComparison.Ordinal) && arg.Length > "--data=".Length:
                    data = arg["--data=".Length..];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    // The server's sources, less the web host's: appsettings, environment, and --data.
    internal static IConfiguration BuildConfiguration(string? data)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(System.IO.Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(data is null ? [] : [new KeyValuePair<string, string?>("data", data)])
            .Build();
    }

    private static string Describe(InitialCredentials c, string path) =>
        $"""
        Owlmetry is set up. The password and keys below are shown only here and in
        {path} (readable only by you); keep them somewhere safe and delete that file.

          team_id        {c.TeamId}
          user_email     {c.UserEmail}
          user_password  {c.UserPassword}
          project_id     {c.ProjectId}
          app_id         {c.AppId}
          bundle_id      {c.BundleId ?? "(none: a backend app)"}
          client_key     {c.ClientKey}
          agent_key      {c.AgentKey}
        """;
}
