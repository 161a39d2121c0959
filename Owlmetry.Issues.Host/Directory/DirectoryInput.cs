using System.Globalization;
using System.Text.RegularExpressions;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>The shape rules of directory input; each refusal names the field.</summary>
public static partial class DirectoryInput
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 200;

    public static IssueResult<string> Name(string? value, string field = "name")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return IssueError.Invalid($"{field} is required");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return IssueError.Invalid($"{field} must be at most {MaxNameLength} characters");
        }

        return IsOneVisibleLine(trimmed)
            ? trimmed
            : IssueError.Invalid($"{field} must be one line without control or invisible formatting characters");
    }

    /// <summary>
    /// Names are shown in the console, the command line, MCP answers and webhook payloads: none may break a line, or
    /// hide or reorder what follows it (controls, U+2028/2029, bidi overrides, zero-width spaces). The zero-width
    /// joiner and non-joiner pass: emoji sequences and scripts such as Persian need them.
    /// </summary>
    private static bool IsOneVisibleLine(string text) =>
        !text.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.Format => c is not ('\u200C' or '\u200D'),
            _ => false,
        });

    public static IssueResult<string> Slug(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IssueError.Invalid("slug is required");
        }

        return SlugPattern().IsMatch(value)
            ? value
            : IssueError.Invalid("slug must be 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit");
    }

    /// <summary>The form an email is stored and looked up in.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A trimmed, lowercased address: one <c>@</c> between a non-empty local part and domain, no whitespace.</summary>
    public static IssueResult<string> Email(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return IssueError.Invalid("email is required");
        }

        if (trimmed.Length > MaxEmailLength)
        {
            return IssueError.Invalid($"email must be at most {MaxEmailLength} characters");
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1 && !trimmed.Any(char.IsWhiteSpace) && IsOneVisibleLine(trimmed);
        return valid ? NormalizeEmail(trimmed) : IssueError.Invalid("email must be an email address");
    }

    public static IssueResult<string> Password(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IssueError.Invalid("password is required");
        }

        return value.Length is >= MinPasswordLength and <= MaxPasswordLength
            ? value
            : IssueError.Invalid($"password must be {MinPasswordLength} to {MaxPasswordLength} characters");
    }

    public static IssueResult<Guid> Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IssueError.Invalid($"{field} is required");
        }

        return Guid.TryParse(value, out var id) ? id : IssueError.Invalid($"{field} must be a UUID");
    }

    public static IssueResult<Guid?> OptionalId(string? value, string field) =>
        string.IsNullOrEmpty(value) ? IssueResult<Guid?>.Success(null) : Id(value, field).Map<Guid?>(id => id);

    public static IssueError OneOf(string field, IEnumerable<string> valid) =>
        IssueError.Invalid($"{field} must be one of: {string.Join(", ", valid)}");

    // \z, not $: a slug with a trailing newline is not a slug.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
