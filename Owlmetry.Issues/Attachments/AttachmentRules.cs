using System.Globalization;
using System.Text.RegularExpressions;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Attachments;

/// <summary>
/// The checks of a reservation (CONTRACT §8): shape and bounds of every field (400), the size limit (413), and the
/// refusal of executables and scripts by declared type and by file extension (415).
/// </summary>
internal static partial class AttachmentRules
{
    public const int MaxFilenameLength = 255;
    public const int MaxContentTypeLength = 255;
    public const int MaxUserIdLength = 255;

    public static IssueResult<ValidReservation> Validate(AttachmentReservationRequest request, AttachmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(request.ClientEventId))
        {
            return Invalid("client_event_id is required");
        }

        if (!Guid.TryParse(request.ClientEventId, out var clientEventId))
        {
            return Invalid("client_event_id must be a UUID");
        }

        if (CheckFilename(request.OriginalFilename) is { } badName)
        {
            return badName;
        }

        if (CheckContentType(request.ContentType) is { } badType)
        {
            return badType;
        }

        if (request.SizeBytes is not { } size)
        {
            return Invalid("size_bytes is required");
        }

        if (size <= 0)
        {
            return Invalid("size_bytes must be positive");
        }

        if (string.IsNullOrEmpty(request.Sha256))
        {
            return Invalid("sha256 is required");
        }

        if (!Sha256Pattern().IsMatch(request.Sha256))
        {
            return Invalid("sha256 must be 64 lowercase hex digits");
        }

        if (request.UserId is { Length: > MaxUserIdLength })
        {
            return Invalid($"user_id must be at most {MaxUserIdLength} characters");
        }

        if (size > options.MaxAttachmentBytes)
        {
            return IssueError.TooLarge($"size_bytes is {Bytes.Describe(size)}; the largest attachment accepted is {Bytes.Describe(options.MaxAttachmentBytes)}");
        }

        if (RefusedExecutables.Refuse(request.OriginalFilename!, request.ContentType!) is { } refused)
        {
            return refused;
        }

        return new ValidReservation(
            clientEventId, request.OriginalFilename!, request.ContentType!.Trim(), size, request.Sha256, request.UserId, request.IsDev ?? false);
    }

    private static IssueError? CheckFilename(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Invalid("original_filename is required");
        }

        if (name.Length > MaxFilenameLength)
        {
            return Invalid($"original_filename must be at most {MaxFilenameLength} characters");
        }

        // The name is only ever shown and offered as a download name, but it must still be one name: no path, no
        // control characters, and no invisible format characters (a right-to-left override disguises "exe.txt").
        var isName = name.Trim() is not ("" or "." or "..")
            && !name.Any(c => c is '/' or '\\' || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);
        return isName ? null : Invalid("original_filename must be a file name without path separators or control characters");
    }

    private static IssueError? CheckContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return Invalid("content_type is required");
        }

        if (contentType.Length > MaxContentTypeLength)
        {
            return Invalid($"content_type must be at most {MaxContentTypeLength} characters");
        }

        return MediaTypePattern().IsMatch(contentType.Trim()) && !contentType.Any(char.IsControl)
            ? null
            : Invalid("content_type must be a media type like type/subtype");
    }

    private static IssueError Invalid(string message) => IssueError.Invalid(message) with { Code = AttachmentRejectionCodes.InvalidRequest };

    /// <summary>The media type without parameters, lowercase: <c>Text/Plain; charset=utf-8</c> is <c>text/plain</c>.</summary>
    public static string Essence(string contentType) => contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    // RFC 6838 names: a letter or digit, then letters, digits and ! # $ & - ^ _ . +, at most 127 each; parameters free-form.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&\-^_.+]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&\-^_.+]{0,126}\s*(;.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypePattern();

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Pattern();
}
