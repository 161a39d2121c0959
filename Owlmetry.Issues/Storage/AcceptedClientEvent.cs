namespace Owlmetry.Issues.Storage;

/// <summary>
/// A client event id accepted for an app, kept forever so that a duplicate is refused, with the sequence of the error
/// event stored under it. The sequence is how an attachment reserved after the scan placed its event finds that event
/// (and through its fingerprint, the issue); events of other levels are not stored and have none.
/// </summary>
/// <param name="AppId">The app that sent the event.</param>
/// <param name="ClientEventId">The SDK's id of the event.</param>
/// <param name="EventSequence">The sequence of the stored error event, or null for an event of another level.</param>
public readonly record struct AcceptedClientEvent(Guid AppId, Guid ClientEventId, long? EventSequence);
