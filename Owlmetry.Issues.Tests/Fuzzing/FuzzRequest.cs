using System.Text;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>One generated request, kept as data so that a failure can print exactly what was sent.</summary>
internal sealed record FuzzRequest(
    FuzzRoute Route,
    string Method,
    string PathAndQuery,
    FuzzCredential Credential,
    IReadOnlyList<(string Name, string Value)> Headers,
    FuzzBody Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Credential.Header is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body.Bytes is { } bytes)
        {
            var content = new ByteArrayContent(bytes);
            if (Body.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (Body.ContentEncoding is { } encoding)
            {
                content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
            }

            if (Body.DeclaredLength is { } length)
            {
                content.Headers.ContentLength = length;
            }

            message.Content = content;
        }

        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .AppendLine($"route {Route}")
            .AppendLine($"{Method} {Shorten(PathAndQuery, 300)}")
            .AppendLine($"credential: {Credential}");
        foreach (var (name, value) in Headers)
        {
            text.AppendLine($"{name}: {Shorten(value, 80)}");
        }

        return text.Append(Body).ToString();
    }

    public static string Shorten(string text, int length) => text.Length <= length ? text : $"{text[..length]}… ({text.Length} chars)";
}
