using Owlmetry.Issues.Streams;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The body of a request whose <c>Content-Encoding</c> no decoder takes: its first read refuses it, so only routes that
/// read a body answer 415, whatever reads it (JSON binding, ingest's reader, an upload).
/// </summary>
internal sealed class UndecodableBody(Func<Exception> refusal) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer) => throw refusal();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw refusal();
}
