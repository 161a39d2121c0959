using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;

namespace Owlmetry.Issues.Host.Accounts;

/// <summary>
/// <c>Owlmetry.Issues.Host users reset-password --email EMAIL [--data DIR] [--json]</c>: the operator's way back into an
/// account, on the server's machine: a new random password for the user, printed once. Their earlier tokens stop
/// working. It opens the storage the server is configured with (LiteDB: stop the server first, the file is locked).
/// </summary>
public static class UsersCommand
{
    public const int Succeeded = 0;
    public const int Refused = 1;
    public const int UsageError = 2;
    internal const string Usage = "Usage: Owlmetry.Issues.Host users reset-password --email EMAIL [--data DIR] [--json]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var json = args.Contains("--json");
        if (args.Count == 0 || args[0] != "reset-password"
            || CommandOptions.Parse([.. args.Skip(1).Where(a => a != "--json")], "email", "data") is not { } options
            || !options.TryGetValue("email", out var given))
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        var email = DirectoryInput.Email(given);
        if (!email.IsSuccess)
        {
            await error.WriteLineAsync($"{email.Error.Message}. {Usage}");
            return UsageError;
        }

        var configuration = InitCommand.BuildConfiguration(options.GetValueOrDefault("data"));
        try
        {
            // Opening the LiteDB store would create the directory and an empty file: a typo in --data would then
            // report an unknown user instead of the missing store.
            var databaseFile = DataDirectory.FromConfiguration(configuration).GetFilePath(OwlmetryServer.DatabaseFileName);
            if (!ServerStorage.UsesPostgreSql(configuration) && !File.Exists(databaseFile))
            {
                await error.WriteLineAsync(
                    $"{databaseFile} does not exist: --data must name the data directory of a LiteDB server (or set Storage__Provider=postgresql and ConnectionStrings__Owlmetry); nothing changed.");
                return Refused;
            }

            await using var services = new ServiceCollection()
                .AddSingleton(configuration)
                .AddLogging()
                .AddOwlmetryDirectory(configuration)
                .BuildServiceProvider();
            var store = services.GetRequiredService<IDirectoryStore>();
            var passwords = services.GetRequiredService<IPasswordHasher<User>>();
            if (await store.FindUserByEmailAsync(email.Value, ct) is not { } user)
            {
                await error.WriteLineAsync($"No user has the email {email.Value}; nothing changed.");
                return Refused;
            }

            var password = DirectoryService.NewRandomPassword();
            if (!await store.SetPasswordHashAsync(user.Id, passwords.HashPassword(user, password), ct))
            {
                await error.WriteLineAsync($"No user has the email {email.Value}; nothing changed.");
                return Refused;
            }

            await output.WriteLineAsync(json
                ? JsonSerializer.Serialize(new Dictionary<string, string> { ["user_id"] = user.Id.ToString(), ["user_email"] = user.Email, ["user_password"] = password })
                : $"New password for {user.Email}, shown only now; their earlier sessions and tokens no longer work:\n  {password}");
            return Succeeded;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or LiteDB.LiteException)
        {
            // PostgreSQL unreachable, or the LiteDB file held by a running server: the message says which.
            await error.WriteLineAsync($"users reset-password cannot use the storage: {e.Message}");
            return Refused;
        }
    }
}
