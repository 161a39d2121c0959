using System.Text.Json;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>A request body's string refused by <see cref="JsonText"/> while it was bound; the 400 says why.</summary>
internal sealed class RefusedJsonTextException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
