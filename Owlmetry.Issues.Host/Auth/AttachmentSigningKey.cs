using System.Security.Cryptography;
using System.Text;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// The key that signs attachment download links, derived from the user-token secret with its own purpose (HKDF),
/// so links survive a restart, die with a rotated secret, and a download link can never pass as a user token.
/// </summary>
internal static class AttachmentSigningKey
{
    private static readonly byte[] s_purpose = "owlmetry attachment download links v1"u8.ToArray();

    public static byte[] DeriveFrom(string secret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), outputLength: 32, salt: [], info: s_purpose);
}
