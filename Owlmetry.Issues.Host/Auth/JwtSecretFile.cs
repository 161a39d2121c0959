using System.Security.Cryptography;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>The user-token signing secret kept in the data directory when <c>Auth:JwtSecret</c> is not configured.</summary>
internal static class JwtSecretFile
{
    public const string FileName = "jwt-secret";
    public const int MinimumLength = 32;

    public static string ReadOrCreate(DataDirectory dataDirectory)
    {
        var path = dataDirectory.GetFilePath(FileName);
        if (!File.Exists(path))
        {
            dataDirectory.EnsureExists();
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            if (PrivateFile.TryCreate(path, secret))
            {
                return secret;
            }
        }

        var stored = File.ReadAllText(path).Trim();
        return stored.Length >= MinimumLength
            ? stored
            : throw new InvalidOperationException(
                $"{path} holds no usable secret (at least {MinimumLength} characters); delete it to have a new one generated, which signs out every user.");
    }
}
