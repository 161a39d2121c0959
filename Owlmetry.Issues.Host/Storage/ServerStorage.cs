using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.DataProtection;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Directory.LiteDb;
using Owlmetry.Issues.Host.Directory.PostgreSql;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Host.Storage.PostgreSql;
using Owlmetry.Issues.Host.Webhooks;
using Owlmetry.Issues.Host.Webhooks.PostgreSql;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Storage;

/// <summary>
/// Where the server keeps what it stores, chosen by configuration alone: <c>Storage:Provider</c> is <c>litedb</c>
/// (the default: one file in the data directory) or <c>postgresql</c> (the database of the connection string
/// <c>ConnectionStrings:Owlmetry</c>, every table in the schema <c>Storage:Schema</c>, default <c>owlmetry</c>).
/// The issues, the directory and the webhooks always live in the same place.
/// </summary>
public static class ServerStorage
{
    public const string ProviderKey = "Storage:Provider";
    public const string SchemaKey = "Storage:Schema";
    public const string DurabilityKey = "Storage:Durability";
    public const string ConnectionStringName = "Owlmetry";

    /// <returns>Whether the configuration names PostgreSQL.</returns>
    /// <exception cref="InvalidOperationException">The provider is neither <c>litedb</c> nor <c>postgresql</c>, or PostgreSQL has no connection string or one Npgsql cannot read.</exception>
    public static bool UsesPostgreSql(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var usesPostgreSql = configuration[ProviderKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "litedb" => false,
            "postgresql" => true,
            var other => throw new InvalidOperationException($"{ProviderKey} is '{other}': use litedb (the default) or postgresql."),
        };
        if (!usesPostgreSql)
        {
            return false;
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is postgresql but ConnectionStrings:{ConnectionStringName} is empty: set it (for example the environment variable ConnectionStrings__{ConnectionStringName}).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not a PostgreSQL connection string: {e.Message}", e);
        }

        return true;
    }

    /// <summary>
    /// The directory's and the webhooks' stores, the user-token secret's source and the Data Protection key ring, where
    /// the configuration says, each unless one is registered already (as the tests register in-memory ones); shared by
    /// the server and the commands, so that all of them see the same records.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The configuration names LiteDB on a data directory that <c>copy-to-postgresql</c> marked as moved
    /// (<see cref="MovedToPostgreSql"/>): checked here, before anything opens or writes the directory.
    /// </exception>
    public static IServiceCollection AddServerStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (UsesPostgreSql(configuration))
        {
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(configuration.GetConnectionString(ConnectionStringName)!));
            services.TryAddSingleton(sp => new HostDatabase(sp.GetRequiredService<NpgsqlDataSource>(), Schema(configuration)));
            services.TryAddSingleton<IDirectoryStore, PostgreSqlDirectoryStore>();
            services.TryAddSingleton<IWebhookStore, PostgreSqlWebhookStore>();
            services.TryAddSingleton<IJwtSecretSource, PostgreSqlJwtSecretSource>();
            services.TryAddSingleton<IXmlRepository, PostgreSqlXmlRepository>();
            return services;
        }

        if (MovedToPostgreSql.Find(DataDirectory.FromConfiguration(configuration)) is { } moved)
        {
            throw new InvalidOperationException(moved.LiteDbRefusal);
        }

        services.TryAddSingleton(sp =>
        {
            // Created owner-only before LiteDB would create it with default permissions.
            var dataDirectory = sp.GetRequiredService<DataDirectory>();
            dataDirectory.EnsureExists();
            return new LiteDbIssueStore(new LiteDbIssueStoreOptions
            {
                Path = dataDirectory.GetFilePath(OwlmetryServer.DatabaseFileName),
                Durability = LiteDbDurabilityOf(configuration),
            });
        });
        services.TryAddSingleton<IDirectoryStore>(sp => new LiteDbDirectoryStore(sp.GetRequiredService<LiteDbIssueStore>()));
        services.TryAddSingleton<FileJwtSecretSource>();
        services.TryAddSingleton<IJwtSecretSource>(sp => sp.GetRequiredService<FileJwtSecretSource>());
        services.AddHostedService(sp => sp.GetRequiredService<FileJwtSecretSource>());
        services.TryAddSingleton<IXmlRepository, DataDirectoryXmlRepository>();
        return services;
    }

    /// <summary>The issue store where the configuration says, on the same file or database as <see cref="AddServerStores"/>.</summary>
    public static IIssuesBuilder UseServerStorage(this IIssuesBuilder issues, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (!UsesPostgreSql(configuration))
        {
            var durability = LiteDbDurabilityOf(configuration);
            return issues.UseLiteDb(o =>
            {
                o.Path = DataDirectory.FromConfiguration(configuration).GetFilePath(OwlmetryServer.DatabaseFileName);
                o.Durability = durability;
            });
        }

        issues.UsePostgreSql(o => o.Schema = Schema(configuration));
        issues.Services.AddOptions<PostgreSqlIssueStoreOptions>().Configure<NpgsqlDataSource>((o, dataSource) => o.DataSource = dataSource);
        return issues;
    }

    /// <summary>
    /// Reaches the storage before the server starts, so that an unreachable database, or a role without the rights to
    /// create the schema, stops the start with one line that says so instead of a host failure with a stack trace.
    /// The LiteDB file needs no check: opening it is local, and its errors are the server's own.
    /// </summary>
    /// <returns>Why the storage cannot be used, or null when it can.</returns>
    public static async Task<string?> FindUnusableAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<HostDatabase>() is not { } database)
        {
            return null;
        }

        try
        {
            await database.EnsureMigratedAsync(ct).ConfigureAwait(false);
            await services.GetRequiredService<IIssueStore>().ReadAsync(reader => reader.GetScanCheckpointAsync(), ct).ConfigureAwait(false);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// What an acknowledged write survives on the LiteDB file: <c>process-crash</c> (the default: the end of the process;
    /// a power loss can cost the last second) or <c>power-loss</c> (a sync per commit). PostgreSQL keeps its own
    /// setting, <c>synchronous_commit</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is neither.</exception>
    public static LiteDbDurability LiteDbDurabilityOf(IConfiguration configuration) =>
        configuration[DurabilityKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "process-crash" => LiteDbDurability.ProcessCrash,
            "power-loss" => LiteDbDurability.PowerLoss,
            var other => throw new InvalidOperationException($"{DurabilityKey} is '{other}': use process-crash (the default) or power-loss."),
        };

    /// <summary>
    /// Where the configuration keeps the server's data, for a log line: the LiteDB file, or PostgreSQL's host, port,
    /// database, user and schema (never the password).
    /// </summary>
    public static string Describe(IConfiguration configuration) => UsesPostgreSql(configuration)
        ? $"PostgreSQL {DescribePostgreSql(configuration)}"
        : $"LiteDB {DataDirectory.FromConfiguration(configuration).GetFilePath(OwlmetryServer.DatabaseFileName)}";

    /// <summary>The schema and database the configuration names on PostgreSQL, without the password.</summary>
    public static string DescribePostgreSql(IConfiguration configuration) =>
        $"schema {Schema(configuration)} of {DescribeDatabase(configuration.GetConnectionString(ConnectionStringName)!)}";

    /// <summary>A connection string's server, database and user, without its password.</summary>
    /// <exception cref="ArgumentException">The string is not an Npgsql connection string.</exception>
    public static string DescribeDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database ?? builder.Username};Username={builder.Username}";
    }

    /// <summary>The PostgreSQL schema the server keeps everything in (<c>Storage:Schema</c>, default <c>owlmetry</c>).</summary>
    public static string Schema(IConfiguration configuration) => configuration[SchemaKey] is { Length: > 0 } schema ? schema : "owlmetry";
}
