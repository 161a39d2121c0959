using Owlmetry.Issues.Background;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// Wakes the notification dispatch as soon as a unit of work recorded a notification, so delivery does not wait
/// for the dispatch interval.
/// </summary>
internal sealed class NotificationSignal : WakeSignal;
