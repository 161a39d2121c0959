using Npgsql;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Directory.LiteDb;
using Owlmetry.Issues.Host.Directory.PostgreSql;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;
using Owlmetry.Issues.Host.Storage.PostgreSql;
using Owlmetry.Issues.Host.Webhooks.LiteDb;
using Owlmetry.Issues.Host.Webhooks.PostgreSql;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>
/// <c>Owlmetry.Issues.Host copy-to-postgresql --connection CONNECTION [--data DIR] [--schema owlmetry]
/// [--attachments PATH] [--batch N] [--verify-only]</c>: copies everything a stopped LiteDB server keeps in its data
/// directory into an empty schema of a PostgreSQL database (refusing one that holds anything), ids kept, then reads
/// both sides back and compares every kind of record by count and checksum. Only a copy that matches in every kind is
/// reported done, with the settings that switch the server over, and leaves <see cref="MovedToPostgreSql"/>'s marker in
/// the data directory. <c>--verify-only</c> runs the comparison alone, and writes nothing.
/// </summary>
public static class CopyToPostgreSqlCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int DefaultBatch = 1000;
    private const string VerifyOnly = "--verify-only";
    internal const string Usage =
        "Usage: Owlmetry.Issues.Host copy-to-postgresql --connection CONNECTION [--data DIR] [--schema owlmetry] [--attachments PATH] [--batch N] [--verify-only]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verifyOnly = args.Contains(VerifyOnly);
        if (CommandOptions.Parse([.. args.Where(a => a != VerifyOnly)], "connection", "data", "schema", "attachments", "batch") is not { } options
            || !options.TryGetValue("connection", out var connectionString)
            || !int.TryParse(options.GetValueOrDefault("batch", $"{DefaultBatch}"), out var batch) || batch < 1)
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        string database;
        try
        {
            database = ServerStorage.DescribeDatabase(connectionString);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"--connection is not a PostgreSQL connection string: {ex.Message}");
            return UsageError;
        }

        var configuration = BuildConfiguration(options.GetValueOrDefault("data"));
        var dataDirectory = DataDirectory.FromConfiguration(configuration);
        var schema = options.GetValueOrDefault("schema", "owlmetry");
        var sourceAttachments = Path.GetFullPath(
            configuration[AttachmentHosting.PathKey] is { Length: > 0 } configured ? configured : dataDirectory.GetFilePath(AttachmentHosting.FolderName));
        var targetAttachments = Path.GetFullPath(options.GetValueOrDefault("attachments", sourceAttachments));
        var databaseFile = dataDirectory.GetFilePath(OwlmetryServer.DatabaseFileName);
        if (!File.Exists(databaseFile))
        {
            await error.WriteLineAsync($"{databaseFile} does not exist: --data must name the data directory of a LiteDB server.");
            return Failed;
        }

        // Copied already: the server has run on that copy since, most likely, and a second copy of what the directory
        // holds would be of data that is no longer the server's. Comparing is harmless, and how one checks a copy.
        if (!verifyOnly && MovedToPostgreSql.Find(dataDirectory) is { } moved)
        {
            await error.WriteLineAsync(
                $"{moved.Moved}: the copy changed nothing. The server's data is in PostgreSQL now; to copy this directory again all the same, " +
                $"delete {moved.Path} first (--verify-only compares it with a copy without that).");
            return Failed;
        }

        var copying = false;
        try
        {
            await using var run = await CopyRun.OpenAsync(dataDirectory, databaseFile, connectionString, schema, sourceAttachments, targetAttachments, ct);
            if (!verifyOnly)
            {
                if (await RefusalAsync(run, schema, database, sourceAttachments, targetAttachments, ct) is { } refusal)
                {
                    await error.WriteLineAsync(refusal);
                    return Failed;
                }

                await output.WriteLineAsync($"Copying {dataDirectory.Path} (LiteDB) into the schema {schema} of {database} (PostgreSQL).");
                copying = true;
                await new StoreCopier(run.Source, run.Target, batch, (kind, count) => output.WriteLineAsync($"  copied {kind,-20} {count,10}"))
                    .CopyAsync(sourceAttachments != targetAttachments, ct);
            }

            await output.WriteLineAsync("Verifying: every kind read back from both sides, counted and checksummed.");
            var kinds = KindComparison.Compare(
                await StoreDigest.ComputeAsync(run.Source, batch, ct), await StoreDigest.ComputeAsync(run.Target, batch, ct));
            await output.WriteAsync(KindComparison.Table(kinds, "LiteDB", "PostgreSQL"));
            if (kinds.Where(k => !k.Matches).Select(k => k.Kind).ToList() is { Count: > 0 } differing)
            {
                await error.WriteLineAsync(verifyOnly
                    ? Differs(schema, database, differing)
                    : $"The copy differs from the data directory in {string.Join(", ", differing)}: do not switch the server to it. The schema {schema} " +
                    $"was empty before this copy: drop it (DROP SCHEMA {schema} CASCADE) and run the copy again, with the server stopped.");
                return Failed;
            }

            if (!verifyOnly && await MarkMovedAsync(dataDirectory, database, schema, targetAttachments) is { } unmarked)
            {
                await error.WriteLineAsync(unmarked);
            }

            await output.WriteLineAsync(NextSteps(configuration, connectionString, schema, targetAttachments, dataDirectory, verifyOnly));
            return Succeeded;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or UnauthorizedAccessException
            or Directory.DirectoryConflictException or Issues.Storage.IssueStoreConflictException or ArgumentException)
        {
            await error.WriteLineAsync(Describe(ex, dataDirectory, database, schema));
            if (copying)
            {
                await error.WriteLineAsync(
                    $"The schema {schema} now holds part of a copy: drop it (DROP SCHEMA {schema} CASCADE) before running the copy again.");
            }

            return Failed;
        }
    }

    private static async Task<string?> RefusalAsync(
        CopyRun run, string schema, string database, string sourceAttachments, string targetAttachments, CancellationToken ct)
    {
        if (await PostgreSqlTarget.FindFilledTablesAsync(run.DataSource, schema, ct) is { Count: > 0 } filled)
        {
            return $"The schema {schema} of {database} is not empty ({string.Join(", ", filled)} hold rows); the copy changed nothing. " +
                "Copy into a new schema (--schema) or an empty database.";
        }

        if (sourceAttachments != targetAttachments && System.IO.Directory.Exists(targetAttachments)
            && System.IO.Directory.EnumerateFileSystemEntries(targetAttachments).Any())
        {
            return $"The attachments folder {targetAttachments} is not empty; the copy changed nothing. Name an empty or new folder with --attachments.";
        }

        return null;
    }

    // The copy is done and verified whatever happens here: a marker that cannot be written is a warning, not a failure.
    private static async Task<string?> MarkMovedAsync(DataDirectory dataDirectory, string database, string schema, string attachments)
    {
        try
        {
            await MovedToPostgreSql.WriteAsync(dataDirectory, DateTimeOffset.UtcNow, database, schema, attachments);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"Warning: {dataDirectory.GetFilePath(MovedToPostgreSql.FileName)} could not be written ({ex.Message}): a server started on " +
                $"{dataDirectory.Path} with Storage:Provider=litedb would not be stopped from using the old data.";
        }
    }

    // --verify-only may be run on the schema a server has used since the copy: what differs is then what it wrote, and
    // dropping the schema would destroy the live data. It says what differs and what is safe in either case.
    private static string Differs(string schema, string database, IReadOnlyList<string> differing) =>
        $"The schema {schema} of {database} differs from the data directory in {string.Join(", ", differing)}. If a server has run on that schema " +
        "since the copy, that is what it wrote, and the schema is the server's data now: leave it be. If none has, do not switch the server to " +
        "it: stop the server on the data directory and copy again into a new schema (--schema) or an empty database; drop a schema only if you " +
        "created it for a copy and no server uses it.";

    private static string Describe(Exception ex, DataDirectory dataDirectory, string database, string schema) => ex switch
    {
        IOException when ex.Message.Contains("exclusive", StringComparison.OrdinalIgnoreCase) =>
            $"The LiteDB file of {dataDirectory.Path} is in use: stop the server before copying ({ex.Message}).",
        NpgsqlException or InvalidOperationException when ex.InnerException is NpgsqlException || ex is NpgsqlException =>
            $"The PostgreSQL database {database} (schema {schema}) cannot be used: {ex.Message}",
        _ => $"The copy failed: {ex.Message}",
    };

    private static string NextSteps(
        IConfiguration configuration, string connectionString, string schema, string attachments, DataDirectory dataDirectory, bool verifyOnly)
    {
        var jwtNote = configuration["Auth:JwtSecret"] is { Length: > 0 }
            ? "\n  (Auth:JwtSecret is configured: keep it configured, it signs the user tokens.)"
            : "";
        var kept = verifyOnly
            ? $"{dataDirectory.Path} is left as it was:"
            : $"{dataDirectory.Path} is left as it was, with a file {MovedToPostgreSql.FileName} added that makes a server\n"
                + "on LiteDB and the offline commands refuse the directory (delete the file to go back to LiteDB):";
        return $"""
            {(verifyOnly ? "The PostgreSQL copy matches the data directory in every kind." : "Copied, and the copy matches the data directory in every kind.")}
            To run the server on PostgreSQL, set in appsettings.json or the environment, then start it:
              Storage__Provider=postgresql
              ConnectionStrings__Owlmetry=<the --connection string>  ({ServerStorage.DescribeDatabase(connectionString)})
              Storage__Schema={schema}
              Attachments__Path={attachments}{jwtNote}
            Every server sharing the database needs these settings and the attachments folder. {kept}
            keep it and its backup until the server runs well on PostgreSQL; a server started on it again would not see what is
            written to PostgreSQL.
            """;
    }

    // The server's sources, less the web host's: appsettings, environment, and --data.
    private static IConfiguration BuildConfiguration(string? data)
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

    /// <summary>The two sides of one run, opened together and closed together.</summary>
    private sealed class CopyRun : IAsyncDisposable
    {
        private readonly List<object> _owned = [];

        public required StoreSet Source { get; init; }

        public required StoreSet Target { get; init; }

        public required NpgsqlDataSource DataSource { get; init; }

        public static async Task<CopyRun> OpenAsync(
            DataDirectory dataDirectory, string databaseFile, string connectionString, string schema, string sourceAttachments, string targetAttachments,
            CancellationToken ct)
        {
            var owned = new List<object>();
            try
            {
                var dataSource = NpgsqlDataSource.Create(connectionString);
                owned.Add(dataSource);
                var targetIssues = new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { DataSource = dataSource, Schema = schema });
                owned.Add(targetIssues);
                var host = new HostDatabase(dataSource, schema);
                owned.Add(host);
                var liteDb = new LiteDbIssueStore(databaseFile);
                owned.Add(liteDb);
                var (sourceBlobs, sourceServices) = BlobStoreAt(sourceAttachments);
                owned.Add(sourceServices);
                var (targetBlobs, targetServices) = BlobStoreAt(targetAttachments);
                owned.Add(targetServices);
                var secret = new PostgreSqlJwtSecretSource(host);
                var secretFile = dataDirectory.GetFilePath(JwtSecretFile.FileName);
                var run = new CopyRun
                {
                    DataSource = dataSource,
                    Source = new StoreSet(
                        "LiteDB",
                        liteDb,
                        new LiteDbDirectoryStore(liteDb),
                        new LiteDbWebhookStore(liteDb),
                        sourceBlobs,
                        async token => File.Exists(secretFile) ? (await File.ReadAllTextAsync(secretFile, token)).Trim() : null),
                    Target = new StoreSet(
                        "PostgreSQL",
                        targetIssues,
                        new PostgreSqlDirectoryStore(host),
                        new PostgreSqlWebhookStore(host),
                        targetBlobs,
                        secret.ReadAsync,
                        secret.TryStoreAsync),
                };
                run._owned.AddRange(owned);

                // Reaching the database first: an unreachable one is reported before anything else happens.
                await using (var connection = await dataSource.OpenConnectionAsync(ct))
                {
                }

                return run;
            }
            catch
            {
                await DisposeAllAsync(owned);
                throw;
            }
        }

        public ValueTask DisposeAsync() => DisposeAllAsync(_owned);

        private static (IAttachmentBlobStore Blobs, ServiceProvider Services) BlobStoreAt(string folder)
        {
            var services = new ServiceCollection();
            services.AddOwlmetryIssues().UseFileSystemAttachmentStorage(folder);
            var provider = services.BuildServiceProvider();
            return (provider.GetRequiredService<IAttachmentBlobStore>(), provider);
        }

        private static async ValueTask DisposeAllAsync(List<object> owned)
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                switch (owned[i])
                {
                    case IAsyncDisposable disposable:
                        await disposable.DisposeAsync();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }

            owned.Clear();
        }
    }
}
