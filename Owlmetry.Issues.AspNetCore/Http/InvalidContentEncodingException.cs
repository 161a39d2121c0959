namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>A request body that is not valid data of its <c>Content-Encoding</c>: the client's fault, answered 400.</summary>
internal sealed class InvalidContentEncodingException(string encoding, Exception decoderError)
    : Exception($"The body is not valid {encoding} data", decoderError);
