using System.Text.RegularExpressions;

namespace Owlmetry.Issues.Fingerprinting;

/// <summary>
/// Describes a failed network request as <c>&lt;METHOD&gt; &lt;host&gt;&lt;templated path&gt;</c>, with ids in
/// the path replaced so that requests to the same endpoint group together.
/// </summary>
internal static partial class NetworkRequestTemplate
{
    private const string MethodAttribute = "_http_method";
    private const string UrlAttribute = "_http_url";
    private const int MinIdLength = 12;

    /// <summary>
    /// The method upper-cased, a space, then the host (lower-cased, with a non-default port) and the path.
    /// A missing method leaves just the host and path; a missing URL leaves just the method.
    /// </summary>
    public static string Describe(IReadOnlyDictionary<string, string>? attributes)
    {
        var method = attributes?.GetValueOrDefault(MethodAttribute)?.Trim().ToUpperInvariant() ?? "";
        var url = attributes?.GetValueOrDefault(UrlAttribute) ?? "";
        var (host, path) = SplitUrl(url.Trim());
        var target = host.ToLowerInvariant() + TemplatePath(path);
        return method.Length == 0 ? target : target.Length == 0 ? method : $"{method} {target}";
    }

    /// <summary>Splits a URL into host and path, without the query string and fragment.</summary>
    /// <remarks>
    /// What <see cref="Uri"/> cannot read as an absolute URL with a host (relative paths, malformed URLs) is
    /// split by hand: the host is what sits between <c>://</c> and the next <c>/</c>, or empty when there is
    /// no <c>://</c>, and the rest is the path.
    /// </remarks>
    internal static (string Host, string Path) SplitUrl(string url)
    {
        // On Unix, Uri reads "/api/users" as a file path; a host is what tells a web URL apart.
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Host.Length > 0)
        {
            return (uri.Authority, uri.AbsolutePath);
        }

        var rest = url.AsSpan();
        var queryOrFragment = rest.IndexOfAny('?', '#');
        if (queryOrFragment >= 0)
        {
            rest = rest[..queryOrFragment];
        }

        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return ("", rest.ToString());
        }

        rest = rest[(scheme + 3)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest.ToString(), "") : (rest[..slash].ToString(), rest[slash..].ToString());
    }

    /// <summary>Replaces each path segment that is a UUID, a number or a long id by a placeholder.</summary>
    internal static string TemplatePath(string path) =>
        string.Join('/', path.Split('/').Select(TemplateSegment));

    private static string TemplateSegment(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        if (WholeUuidPattern().IsMatch(decoded))
        {
            return "<uuid>";
        }

        if (decoded.Length > 0 && !decoded.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return "<n>";
        }

        return decoded.Length >= MinIdLength && decoded.AsSpan().ContainsAnyInRange('0', '9') ? "<id>" : segment;
    }

    [GeneratedRegex(
        @"\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        MessageNormalizer.MatchTimeoutMilliseconds)]
    private static partial Regex WholeUuidPattern();
}
