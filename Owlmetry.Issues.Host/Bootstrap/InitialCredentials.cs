using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary>What the bootstrap created, with the only copies of its password and key secrets.</summary>
public sealed record InitialCredentials(
    Guid TeamId, string UserEmail, string UserPassword, Guid ProjectId, Guid AppId, string? BundleId, string ClientKey, string AgentKey)
{
    private static readonly JsonSerializerOptions s_json = new(IssuesJson.CreateOptions()) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static InitialCredentials? FromJson(string json) => JsonSerializer.Deserialize<InitialCredentials>(json, s_json);
}
