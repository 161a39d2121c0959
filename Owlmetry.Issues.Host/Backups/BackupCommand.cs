using System.IO.Compression;
using System.Net.Http.Headers;
using Owlmetry.Issues.Host.Endpoints;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// <c>Owlmetry.Issues.Host backup --out DIR [--url URL [--token TOKEN]] [--data DIR]</c>: a backup of the data
/// directory into a new, owner-only folder. With <c>--url</c> the running server takes it (the token is
/// <c>--token</c>, else <c>OWLMETRY_BACKUP_TOKEN</c>, else the data directory's <c>backup-token</c> file); without,
/// the command opens the data directory itself, which only works while no server runs on it.
/// </summary>
public static class BackupCommand
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const string TokenVariable = "OWLMETRY_BACKUP_TOKEN";
    internal const string Usage = "Usage: Owlmetry.Issues.Host backup --out DIR [--url URL [--token TOKEN]] [--data DIR]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (CommandOptions.Parse(args, "out", "url", "token", "data") is not { } options || !options.TryGetValue("out", out var destination)
            || (options.ContainsKey("token") && !options.ContainsKey("url")))
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        Uri? server = null;
        if (options.TryGetValue("url", out var url) && (!Uri.TryCreate(url, UriKind.Absolute, out server) || server.Scheme is not ("http" or "https")))
        {
            await error.WriteLineAsync($"--url must be the server's http(s) address, e.g. http://127.0.0.1:4000 (got '{url}').");
            return UsageError;
        }

        var dataDirectory = new DataDirectory(options.GetValueOrDefault("data", DataDirectory.DefaultPath));
        if (server is null && MovedToPostgreSql.Find(dataDirectory) is { } moved)
        {
            await error.WriteLineAsync(
                $"{moved.Moved}: a backup of it would not hold the server's data. Back up the PostgreSQL database (pg_dump) and its attachments " +
                $"folder instead, or delete {moved.Path} to keep using the LiteDB data here; nothing was written.");
            return Failed;
        }

        destination = Path.GetFullPath(destination);
        if (!BackupFolder.IsAbsentOrEmpty(destination))
        {
            await error.WriteLineAsync($"{destination} is not empty; a backup goes into a new folder.");
            return Failed;
        }

        if (BackupFolder.TryCreateOwnerOnly(destination) is { } why)
        {
            await error.WriteLineAsync($"The backup folder {destination} cannot be created: {why}");
            return Failed;
        }

        try
        {
            var manifest = server is not null
                ? await DownloadAsync(server, options.GetValueOrDefault("token") ?? Environment.GetEnvironmentVariable(TokenVariable)
                    ?? BackupToken.TryRead(dataDirectory), destination, ct)
                : await WriteOfflineAsync(dataDirectory, destination, ct);
            await output.WriteLineAsync($"Backed up {manifest.Files.Count} files into {destination} (owner-only; it holds secrets).");
            return Succeeded;
        }
        catch (BackupFailedException ex)
        {
            BackupFolder.Empty(destination);
            await error.WriteLineAsync(ex.Message);
            return Failed;
        }
        catch (Exception ex) when (BackupFolder.IsFileSystemError(ex))
        {
            BackupFolder.Empty(destination);
            await error.WriteLineAsync($"The backup failed, and {destination} is left empty: {ex.Message}");
            return Failed;
        }
        catch
        {
            BackupFolder.Empty(destination);
            throw;
        }
    }

    private static async Task<BackupManifest> DownloadAsync(Uri server, string? token, string destination, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new BackupFailedException(
                $"No backup token: pass --token, set {TokenVariable}, or --data the server's data directory (its {BackupToken.FileName} file).");
        }

        using var client = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, BackupEndpoints.Route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new BackupFailedException($"The server at {server} did not answer: {ex.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new BackupFailedException($"The server refused the backup ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct)}");
            }

            await using var archive = await response.Content.ReadAsStreamAsync(ct);
            await ZipFile.ExtractToDirectoryAsync(archive, destination, overwriteFiles: false, ct);
        }

        OwnerOnly.Apply(destination);
        return Verified(destination);
    }

    private static async Task<BackupManifest> WriteOfflineAsync(DataDirectory dataDirectory, string destination, CancellationToken ct)
    {
        var database = dataDirectory.GetFilePath(OwlmetryServer.DatabaseFileName);
        if (!File.Exists(database))
        {
            throw new BackupFailedException($"{dataDirectory.Path} holds no {OwlmetryServer.DatabaseFileName}; nothing to back up.");
        }

        LiteDbIssueStore store;
        try
        {
            store = new LiteDbIssueStore(database);
        }
        catch (IOException e)
        {
            throw new BackupFailedException(
                $"{database} is in use: a server runs on {dataDirectory.Path}. Let it take the backup: "
                + $"backup --url http://HOST:PORT --data {dataDirectory.Path} --out {destination}, with the server's address for HOST:PORT "
                + $"(its --urls, its PORT, or port {ListenAddress.DefaultPort} by default). ({e.Message})");
        }

        using (store)
        {
            // Staged in the data directory, as the server does, and then copied: the backup shares no file with the data.
            var staging = BackupFolder.NewStaging(dataDirectory);
            try
            {
                var manifest = await BackupWriter.WriteAsync(store, dataDirectory, staging, DateTimeOffset.UtcNow, ct);
                BackupFolder.CopyFiles(manifest, staging, destination, withManifest: true);
                return Verified(destination);
            }
            finally
            {
                BackupFolder.Delete(staging);
            }
        }
    }

    private static BackupManifest Verified(string destination)
    {
        var (manifest, problems) = BackupManifest.Verify(destination);
        return manifest is not null && problems.Count == 0
            ? manifest
            : throw new BackupFailedException($"The backup in {destination} does not match its manifest:\n  {string.Join("\n  ", problems)}");
    }
}
