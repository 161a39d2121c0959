using System.Text;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>A request body as sent: its bytes, the headers that describe them, and how it was made.</summary>
internal sealed record FuzzBody(string Kind, byte[]? Bytes, string? ContentType, string? ContentEncoding, long? DeclaredLength)
{
    public static FuzzBody None { get; } = new("none", null, null, null, null);

    public override string ToString()
    {
        if (Bytes is null)
        {
            return "no body";
        }

        var preview = Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 400));
        return $"body ({Kind}, {Bytes.Length} bytes, Content-Type: {ContentType ?? "none"}, Content-Encoding: {ContentEncoding ?? "none"}"
            + $"{(DeclaredLength is { } length ? $", Content-Length: {length}" : string.Empty)}): {preview}";
    }
}
