namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// A request body under a <c>Content-Encoding</c> the server cannot decode, or under several at once: answered 415, so
/// that the client learns why, instead of its compressed bytes being read as JSON.
/// </summary>
internal sealed class UnsupportedContentEncodingException(string declared, IEnumerable<string> supported)
    : Exception($"Content-Encoding '{declared}' is not supported; send one of {string.Join(", ", supported)}, or no encoding");
