using System.Security.Cryptography;
using System.Text;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>API key secrets: <c>owl_client_</c> or <c>owl_agent_</c> and 48 hex digits; stored only as SHA-256.</summary>
public static class ApiKeySecrets
{
    public const string ClientPrefix = "owl_client_";
    public const string AgentPrefix = "owl_agent_";

    public static string Generate(ApiKeyType type) =>
        (type == ApiKeyType.Client ? ClientPrefix : AgentPrefix) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool LooksLikeKey(string token) =>
        token.StartsWith(ClientPrefix, StringComparison.Ordinal) || token.StartsWith(AgentPrefix, StringComparison.Ordinal);

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
