using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// The appsettings.json shipped beside the binary (log levels), read beneath every other source. The web host reads
/// appsettings.json from the working directory, which is the operator's own: it still overrides these defaults.
/// </summary>
internal static class ShippedSettings
{
    public const string FileName = "appsettings.json";

    public static void AddShippedSettings(this IConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = FileName,
            Optional = true,
        });
}
