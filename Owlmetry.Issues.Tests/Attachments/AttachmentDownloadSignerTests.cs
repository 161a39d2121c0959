using Microsoft.Extensions.Options;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentDownloadSignerTests
{
    private static readonly byte[] s_key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private readonly AttachmentDownloadSigner _signer = new(Options.Create(new AttachmentOptions { DownloadSigningKey = s_key }));

    [Test]
    public void Check_TokenItSigned_IsValidUntilItsExpiry()
    {
        var id = Guid.NewGuid();
        var expiresAt = TestTimes.ClockStart.AddSeconds(60);
        var token = _signer.Sign(id, expiresAt);

        var valid = _signer.Check(token, expiresAt.AddMilliseconds(-1), out var checkedId);
        var expired = _signer.Check(token, expiresAt, out _);

        Assert.That((valid, checkedId, expired), Is.EqualTo((DownloadTokenCheck.Valid, id, DownloadTokenCheck.Expired)));
    }

    [Test]
    public void Check_SameKeyInAnotherSigner_AcceptsTheToken()
    {
        var token = _signer.Sign(Guid.NewGuid(), TestTimes.ClockStart.AddSeconds(60));
        var restarted = new AttachmentDownloadSigner(Options.Create(new AttachmentOptions { DownloadSigningKey = [.. s_key] }));

        Assert.That(restarted.Check(token, TestTimes.ClockStart, out _), Is.EqualTo(DownloadTokenCheck.Valid));
    }

    [Test]
    public void Check_AnyFlippedBit_IsInvalidNeverExpired()
    {
        var token = Convert.FromBase64String(ToBase64(_signer.Sign(Guid.NewGuid(), TestTimes.ClockStart.AddSeconds(60))));
        var results = new List<DownloadTokenCheck>();
        for (var bit = 0; bit < token.Length * 8; bit++)
        {
            var flipped = token.ToArray();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            results.Add(_signer.Check(System.Buffers.Text.Base64Url.EncodeToString(flipped), TestTimes.ClockStart.AddDays(1), out _));
        }

        Assert.That(results, Has.All.EqualTo(DownloadTokenCheck.Invalid));
    }

    [Test]
    public void Check_ArbitraryText_IsInvalidAndNeverThrows()
    {
        var random = new Random(42);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .%";
        var results = new List<DownloadTokenCheck>();
        for (var length = 0; length < 140; length++)
        {
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            results.Add(_signer.Check(text, TestTimes.ClockStart, out _));
        }

        Assert.That(results, Has.All.EqualTo(DownloadTokenCheck.Invalid));
    }

    [Test]
    public void Sign_NoConfiguredKey_UsesARandomKeyPerSigner()
    {
        var first = new AttachmentDownloadSigner(Options.Create(new AttachmentOptions()));
        var second = new AttachmentDownloadSigner(Options.Create(new AttachmentOptions()));

        var token = first.Sign(Guid.NewGuid(), TestTimes.ClockStart.AddSeconds(60));

        Assert.That(second.Check(token, TestTimes.ClockStart, out _), Is.EqualTo(DownloadTokenCheck.Invalid));
    }

    private static string ToBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
