using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Events;

/// <summary>A stored event with the attachments its SDK sent for it.</summary>
/// <param name="Event">The event, with its attributes.</param>
/// <param name="Attachments">The event's attachments that are not deleted, reserved ones included (their <c>uploaded_at</c> is null).</param>
public sealed record EventDetail(ErrorEvent Event, IReadOnlyList<IssueAttachment> Attachments);
