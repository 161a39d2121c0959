namespace Owlmetry.Issues.Client;

/// <summary>Whether two absolute URIs share scheme, host and port: the boundary the client's credential does not cross.</summary>
internal static class Origins
{
    public static bool Same(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>The URI without its query, for messages: a signed link's query is its credential.</summary>
    public static string WithoutQuery(Uri? uri) =>
        uri is null ? string.Empty
        : uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Path)
        : uri.OriginalString.Split('?')[0];
}
