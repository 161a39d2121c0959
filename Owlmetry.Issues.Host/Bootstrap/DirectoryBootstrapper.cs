using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary>
/// The first-start setup (CONTRACT §5): on an empty directory store, one team, its owner <c>admin@localhost</c>
/// with a random password, a project, a backend app, a client key and an agent key with every permission, and
/// their credentials in <c>initial-credentials.json</c> in the data directory, readable only by its owner.
/// </summary>
public sealed class DirectoryBootstrapper(
    IDirectoryStore store, IPasswordHasher<User> passwords, DataDirectory dataDirectory, TimeProvider timeProvider)
{
    public const string CredentialsFileName = "initial-credentials.json";
    public const string AdminEmail = "admin@localhost";
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public string CredentialsPath => dataDirectory.GetFilePath(CredentialsFileName);

    /// <returns>The credentials, or null when the store was not empty and nothing was written.</returns>
    public async Task<InitialCredentials?> TryBootstrapAsync(CancellationToken ct = default)
    {
        if (!await store.IsEmptyAsync(ct))
        {
            return null;
        }

        var (seed, credentials) = CreateSeed();

        // The file is written before the seed and moved into place after it: a failed write leaves the store empty
        // for the next start, rather than an owner whose password nobody knows.
        dataDirectory.EnsureExists();
        var pending = PrivateFile.WriteTemporary(CredentialsPath, credentials.ToJson());
        try
        {
            if (!await store.TrySeedAsync(seed, ct))
            {
                return null;
            }

            File.Move(pending, CredentialsPath, overwrite: true);
            return credentials;
        }
        finally
        {
            File.Delete(pending);
        }
    }

    private (DirectorySeed Seed, InitialCredentials Credentials) CreateSeed()
    {
        var now = timeProvider.GetUtcNowMilliseconds();
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
        var owner = new User(Guid.NewGuid(), AdminEmail, "Admin", string.Empty, now);
        owner = owner with { PasswordHash = passwords.HashPassword(owner, password) };
        var team = new Team(Guid.NewGuid(), "Default Team", "default", now);
        var project = new Project(Guid.NewGuid(), team.Id, "Default Project", "default", null, now, Color: ProjectColors.Palette[0]);
        var app = new App(Guid.NewGuid(), project.Id, "Backend", AppPlatforms.Backend, null, now);
        var clientKey = ApiKeySecrets.Generate(ApiKeyType.Client);
        var agentKey = ApiKeySecrets.Generate(ApiKeyType.Agent);
        ApiKey[] keys =
        [
            new(Guid.NewGuid(), "Default client key", ApiKeyType.Client, ApiKeySecrets.Hash(clientKey), team.Id, app.Id,
                ApiKeyPermissions.Client, owner.Id, now, null),
            new(Guid.NewGuid(), "Default agent key", ApiKeyType.Agent, ApiKeySecrets.Hash(agentKey), team.Id, null,
                ApiKeyPermissions.All, owner.Id, now, null),
        ];
        var seed = new DirectorySeed(team, owner, new Membership(team.Id, owner.Id, TeamRole.Owner, now), project, app, keys);
        return (seed, new InitialCredentials(team.Id, AdminEmail, password, project.Id, app.Id, app.BundleId, clientKey, agentKey));
    }
}
