using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Querying;

/// <summary>
/// Opaque page cursors: base64url of <c>scope:value:id</c>. The scope ties a cursor to the order it was made
/// for, so a cursor of one sort is refused by another rather than silently misplacing the page.
/// </summary>
internal static class KeysetCursor
{
    // Every cursor's value is a count or a time in Unix milliseconds; a larger one was never made here, and a store
    // that turns it back into a time could not.
    private static readonly long s_minValue = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long s_maxValue = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Encodes the position after which the next page starts.</summary>
    public static string Encode(string scope, KeysetKey key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{scope}:{key.Value}:{key.Id:N}")));

    /// <summary>The position an optional cursor of a list stands for: none when no cursor was given.</summary>
    /// <param name="cursor">The cursor the caller sent, or null for the first page.</param>
    /// <param name="scope">The order the list's cursors are made for.</param>
    /// <param name="parameter">The cursor's name in the caller's request, for the error.</param>
    /// <returns>The position, or an invalid-input error naming <paramref name="parameter"/> for a cursor <see cref="TryDecode"/> refuses.</returns>
    public static IssueResult<KeysetKey?> Parse(string? cursor, string scope, string parameter = "cursor")
    {
        if (cursor is null)
        {
            return IssueResult<KeysetKey?>.Success(null);
        }

        return TryDecode(cursor, scope, out var key) ? IssueResult<KeysetKey?>.Success(key) : IssueError.Invalid($"Invalid {parameter}");
    }

    /// <summary>Decodes a cursor made by <see cref="Encode"/> for the same <paramref name="scope"/>.</summary>
    /// <returns><see langword="false"/> for anything malformed, made for another scope, or holding a value no time has.</returns>
    public static bool TryDecode(string cursor, string scope, out KeysetKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 256)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != scope
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < s_minValue || value > s_maxValue
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        key = new KeysetKey(value, id);
        return true;
    }
}
