using System.Text.Json;
using System.Text.Unicode;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// System.Text.Json parses a document without checking the text inside its strings: invalid UTF-8 or an unpaired
/// surrogate escape (<c>"\ud800"</c>) only fails when the string is read, as an <see cref="InvalidOperationException"/>.
/// Bodies are checked here when they are read, so such text is a 400 and never reaches a handler; so is a NUL
/// character (<c>"\u0000"</c>), which no store keeps (<see cref="StoredText"/>).
/// </summary>
internal static class JsonText
{
    /// <summary>Why a string that is not valid Unicode is refused.</summary>
    public const string NotUnicodeReason = "a string is not valid Unicode text";

    /// <summary>Why a string holding a NUL character is refused.</summary>
    public const string NulReason = "a string contains the NUL character (U+0000)";

    public const string InvalidTextMessage = "Invalid JSON body: " + NotUnicodeReason;

    private static readonly JsonReaderOptions s_lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Why the text of well-formed JSON is refused: a string or property name that is not valid Unicode once
    /// unescaped, or that holds a NUL character; null when every one is fine.
    /// </summary>
    public static string? RefusalOf(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, s_lenient);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && RefusalOf(ref reader) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? RefusalOf(ref Utf8JsonReader reader)
    {
        // JSON has no unescaped control characters, so only an escape can make a NUL.
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan) ? null : NotUnicodeReason;
        }

        try
        {
            return StoredText.ContainsNul(reader.GetString()) ? NulReason : null;
        }
        catch (InvalidOperationException)
        {
            return NotUnicodeReason;
        }
    }
}
