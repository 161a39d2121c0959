using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.Host.Directory;

public static class ApiKeyTypeNames
{
    public static IReadOnlyList<string> All { get; } = ["agent", "client"];

    public static string ToWireName(this ApiKeyType type) => type == ApiKeyType.Client ? "client" : "agent";

    public static bool TryParse([NotNullWhen(true)] string? name, out ApiKeyType type)
    {
        type = name == "client" ? ApiKeyType.Client : ApiKeyType.Agent;
        return name is "client" or "agent";
    }
}
