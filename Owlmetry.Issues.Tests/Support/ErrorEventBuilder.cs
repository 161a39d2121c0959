using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds a stored <see cref="ErrorEvent"/> of a new session in <see cref="TestIds.App"/>, happened and received at <see cref="TestTimes.Base"/>.</summary>
internal sealed class ErrorEventBuilder
{
    private ErrorEvent _event;

    public ErrorEventBuilder(string message = "Connection refused")
    {
        _event = new ErrorEvent
        {
            Id = Guid.NewGuid(),
            AppId = TestIds.App,
            ProjectId = TestIds.Project,
            SessionId = Guid.NewGuid(),
            Message = message,
            Timestamp = TestTimes.Base,
            ReceivedAt = TestTimes.Base,
        };
    }

    public ErrorEventBuilder At(DateTimeOffset timestamp) => With(_event with { Timestamp = timestamp });

    public ErrorEventBuilder ReceivedAt(DateTimeOffset receivedAt) => With(_event with { ReceivedAt = receivedAt });

    public ErrorEvent Build() => _event;

    private ErrorEventBuilder With(ErrorEvent errorEvent)
    {
        _event = errorEvent;
        return this;
    }
}
