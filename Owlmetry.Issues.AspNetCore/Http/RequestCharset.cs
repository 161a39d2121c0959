using System.Text;
using Microsoft.Net.Http.Headers;

namespace Owlmetry.Issues.AspNetCore.Http;

internal static class RequestCharset
{
    public const string UnsupportedMessage = "The charset of the Content-Type is not supported; send UTF-8";

    /// <summary>
    /// Whether the content type names a charset that no encoding of this runtime has, as JSON binding finds it: the name
    /// as written, so a quoted <c>"utf-8"</c> is unknown too.
    /// </summary>
    public static bool IsUnknown(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset is not { Length: > 0 } charset)
        {
            return false;
        }

        try
        {
            Encoding.GetEncoding(charset.ToString());
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
