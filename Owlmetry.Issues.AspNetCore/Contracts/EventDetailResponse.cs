using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Owlmetry.Issues.Events;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>A stored event with its attachments, as <c>GET /v1/events/:id</c> answers.</summary>
public sealed record EventDetailResponse : EventResponse
{
    [SetsRequiredMembers]
    private EventDetailResponse(EventDetail detail)
        : base(detail.Event)
    {
        Attachments = detail.Attachments.Select(EventAttachmentResponse.From).ToList();
    }

    // System.Text.Json writes a derived type's own properties first; the order keeps them after the event's fields.
    /// <summary>The attachments.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<EventAttachmentResponse> Attachments { get; init; }

    /// <summary>The response of the library's value.</summary>
    public static EventDetailResponse From(EventDetail detail) => new(detail);
}
