using System.Globalization;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>The listen address: <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) as ASP.NET Core reads it, else <c>PORT</c>, else port 4000.</summary>
public static class ListenAddress
{
    public const int DefaultPort = 4000;

    /// <returns>The address to listen on, or null when <c>urls</c> is configured and ASP.NET Core applies it itself.</returns>
    public static string? Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["urls"]))
        {
            return null;
        }

        var port = configuration["PORT"];
        if (string.IsNullOrWhiteSpace(port))
        {
            return $"http://0.0.0.0:{DefaultPort}";
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? $"http://0.0.0.0:{number}"
            : throw new InvalidOperationException($"PORT must be a number from 1 to 65535, not '{port}'.");
    }
}
