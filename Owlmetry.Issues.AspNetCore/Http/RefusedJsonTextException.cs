using System.Text.Json;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>A request body's text refused by <see cref="JsonText"/> while it was bound; the 400 says why, and where.</summary>
/// <param name="reason">Why the text is refused.</param>
/// <param name="member">
/// The member of the object at the exception's path that holds the text, when the check ran once the whole object was
/// read (<see cref="NulRefusingBodies"/>); null when the path already ends at the text.
/// </param>
internal sealed class RefusedJsonTextException(string reason, string? member = null) : JsonException(reason)
{
    public string Reason { get; } = reason;

    public string? Member { get; } = member;
}
