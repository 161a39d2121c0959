using System.Security.Cryptography;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Streams;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// A read-only view of an upload body that hashes and counts the bytes as they pass to the blob store, so the
/// body is checked without being held: reading one byte past the declared size, or a first chunk that starts like
/// a program, throws <see cref="UploadRefusedException"/> at once and the copy stops there.
/// </summary>
internal sealed class VerifyingUploadStream(Stream inner, long declaredSize) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[RefusedExecutables.SignatureLength];
    private int _headLength;
    private bool _headChecked;

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of every byte read so far, as 64 lowercase hex digits.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Account(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            CheckHead();
            return;
        }

        BytesRead += chunk.Length;
        if (BytesRead > declaredSize)
        {
            throw new UploadRefusedException(IssueError.TooLarge(
                $"The upload is larger than the {Bytes.Describe(declaredSize)} declared at reservation; it was cut off") with { Code = AttachmentRejectionCodes.SizeMismatch });
        }

        if (_headLength < _head.Length)
        {
            var take = Math.Min(_head.Length - _headLength, chunk.Length);
            chunk[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            if (_headLength == _head.Length)
            {
                CheckHead();
            }
        }

        _hash.AppendData(chunk);
    }

    private void CheckHead()
    {
        if (_headChecked)
        {
            return;
        }

        _headChecked = true;
        if (RefusedExecutables.LooksExecutable(_head.AsSpan(0, _headLength)))
        {
            throw new UploadRefusedException(RefusedExecutables.Refused("Executables and scripts are not accepted as attachments (the file starts like a program)"));
        }
    }
}
