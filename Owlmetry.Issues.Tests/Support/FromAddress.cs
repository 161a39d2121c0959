using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Requests that reach the server from a given client address. The test server's own clients arrive with no address,
/// which would put every request in one rate limit partition.
/// </summary>
internal static class FromAddress
{
    public static Task<AnsweredRequest> PostJsonAsync(this OwlmetryServerFactory factory, string address, string path, object body) =>
        SendAsync(factory, address, HttpMethods.Post, new Uri(path, UriKind.Relative), JsonSerializer.SerializeToUtf8Bytes(body));

    public static Task<AnsweredRequest> GetAsync(this OwlmetryServerFactory factory, string address, string url) =>
        SendAsync(factory, address, HttpMethods.Get, new Uri(url, UriKind.RelativeOrAbsolute), null);

    private static async Task<AnsweredRequest> SendAsync(OwlmetryServerFactory factory, string address, string method, Uri uri, byte[]? body)
    {
        var absolute = uri.IsAbsoluteUri ? uri : new Uri(new Uri("http://localhost"), uri);
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = method;
            c.Request.Path = absolute.AbsolutePath;
            c.Request.QueryString = new QueryString(absolute.Query);
            if (body is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = body.Length;
                c.Request.Body = new MemoryStream(body);
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });

        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        return new AnsweredRequest((HttpStatusCode)context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), context.Response.ContentType, text);
    }

    // The test server says a request it did not build from an HttpClient has no body, and minimal APIs believe it.
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

internal sealed record AnsweredRequest(HttpStatusCode Status, string RetryAfter, string? ContentType, string Body)
{
    public string? Error => JsonNode.Parse(Body)?["error"]?.GetValue<string>();
}
