using System.Text.Json;
using System.Text.Unicode;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// System.Text.Json parses a document without checking the text inside its strings: invalid UTF-8 or an unpaired
/// surrogate escape (<c>"\ud800"</c>) only fails when the string is read, as an <see cref="InvalidOperationException"/>.
/// Bodies are checked here when they are read, so such text is a 400 and never reaches a handler.
/// </summary>
internal static class JsonText
{
    public const string InvalidTextMessage = "Invalid JSON body: a string is not valid Unicode text";

    private static readonly JsonReaderOptions s_lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Whether every string and property name of well-formed JSON is valid Unicode once unescaped.</summary>
    public static bool HasValidStrings(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, s_lenient);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsValid(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
