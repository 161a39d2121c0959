using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>A stored event with its attachments, as <c>GET /v1/events/:id</c> answers.</summary>
public sealed record EventDetailResponse : EventResponse
{
    /// <summary>Creates an empty response, for deserialization.</summary>
    public EventDetailResponse()
    {
    }

    /// <summary>Creates the detail of an event.</summary>
    /// <param name="e">The event's fields.</param>
    /// <param name="attachments">Its attachments.</param>
    [SetsRequiredMembers]
    public EventDetailResponse(EventResponse e, IReadOnlyList<EventAttachmentResponse> attachments)
        : base(e ?? throw new ArgumentNullException(nameof(e)))
    {
        Attachments = attachments;
    }

    // System.Text.Json writes a derived type's own properties first; the order keeps them after the event's fields.
    /// <summary>The attachments.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<EventAttachmentResponse> Attachments { get; init; }
}
