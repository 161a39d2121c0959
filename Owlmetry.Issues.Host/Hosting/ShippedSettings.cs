using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// The shipped appsettings.json (log levels, UTC timestamps), read beneath every other source. The binary carries it as
/// a resource, so a server copied alone (as the README installs it) still logs nothing per request; a copy of it
/// beside the binary, then the appsettings.json of the working directory (the operator's own), the environment and
/// the command line override it.
/// </summary>
internal static class ShippedSettings
{
    public const string FileName = "appsettings.json";

    public const string ResourceName = "Owlmetry.Issues.Host.appsettings.json";

    public static void AddShippedSettings(this IConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new ResourceSource());
        configuration.Sources.Insert(1, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = FileName,
            Optional = true,
        });
    }

    /// <summary>The resource, opened afresh on every build of the sources: the configuration rebuilds them all on each change.</summary>
    private sealed class ResourceSource : JsonStreamConfigurationSource
    {
        public override IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            Stream = typeof(ShippedSettings).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The build lost the resource {ResourceName}.");
            return base.Build(builder);
        }
    }
}
