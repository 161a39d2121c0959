using System.Security.Cryptography;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>The user-token signing secret kept in the data directory when <c>Auth:JwtSecret</c> is not configured.</summary>
internal static class JwtSecretFile
{
    public const string FileName = "jwt-secret";
    public const int MinimumLength = 32;

    /// <returns>The secret in the data directory, or null when there is none.</returns>
    /// <exception cref="InvalidOperationException">The file holds no usable secret.</exception>
    public static string? TryRead(DataDirectory dataDirectory)
    {
        var path = dataDirectory.GetFilePath(FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var stored = File.ReadAllText(path).Trim();
        return stored.Length >= MinimumLength
            ? stored
            : throw new InvalidOperationException(
                $"{path} holds no usable secret (at least {MinimumLength} characters); delete it to have a new one generated, which signs out every user.");
    }

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Writes a new secret, owner-only.</summary>
    /// <exception cref="InvalidOperationException">Another process wrote a different secret first.</exception>
    public static void Store(DataDirectory dataDirectory, string secret)
    {
        dataDirectory.EnsureExists();
        if (!PrivateFile.TryCreate(dataDirectory.GetFilePath(FileName), secret) && TryRead(dataDirectory) != secret)
        {
            throw new InvalidOperationException(
                $"Another server wrote {dataDirectory.GetFilePath(FileName)} while this one started: start this one again to use that secret.");
        }
    }
}
