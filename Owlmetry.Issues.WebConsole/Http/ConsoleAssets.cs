using System.Reflection;

namespace Owlmetry.Issues.WebConsole.Http;

/// <summary>The console's page, scripts and styles, embedded in this assembly under <c>Assets/</c>.</summary>
internal static class ConsoleAssets
{
    private static readonly Assembly s_assembly = typeof(ConsoleAssets).Assembly;
    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>Changes with every build of the assembly, so a browser revalidates its copy once per release.</summary>
    public static readonly string ETag = $"\"{s_assembly.ManifestModule.ModuleVersionId:N}\"";

    /// <summary>The asset's bytes and content type, or null when there is no such asset.</summary>
    public static (byte[] Content, string ContentType)? Find(string name)
    {
        if (!s_contentTypes.TryGetValue(Path.GetExtension(name), out var contentType) || name.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = s_assembly.GetManifestResourceStream("Assets/" + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), contentType);
    }
}
