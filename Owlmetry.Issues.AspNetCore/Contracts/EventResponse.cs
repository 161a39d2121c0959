using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>
/// A stored event in the reference's shape. Only error events are stored, so <c>level</c> is always <c>error</c>; the
/// reference's <c>locale</c> and <c>preferred_language</c> are not kept by this server's ingest and are left out.
/// </summary>
public record EventResponse
{
    [SetsRequiredMembers]
    protected EventResponse(ErrorEvent e)
    {
        Id = e.Id;
        AppId = e.AppId;
        ProjectId = e.ProjectId;
        SessionId = e.SessionId;
        ClientEventId = e.ClientEventId;
        UserId = e.UserId;
        SourceModule = e.SourceModule;
        Message = e.Message;
        ScreenName = e.ScreenName;
        CustomAttributes = e.CustomAttributes;
        Environment = e.Environment;
        OsVersion = e.OsVersion;
        AppVersion = e.AppVersion;
        SdkName = e.SdkName;
        SdkVersion = e.SdkVersion;
        BuildNumber = e.BuildNumber;
        DeviceModel = e.DeviceModel;
        CountryCode = e.CountryCode;
        IsDev = e.IsDev;
        Timestamp = e.Timestamp;
        ReceivedAt = e.ReceivedAt;
    }

    public required Guid Id { get; init; }

    public required Guid AppId { get; init; }

    public required Guid ProjectId { get; init; }

    public required Guid SessionId { get; init; }

    public required Guid? ClientEventId { get; init; }

    public required string? UserId { get; init; }

    public string Level => EventRules.ErrorLevel;

    public required string? SourceModule { get; init; }

    public required string Message { get; init; }

    public required string? ScreenName { get; init; }

    public required IReadOnlyDictionary<string, string> CustomAttributes { get; init; }

    public required string? Environment { get; init; }

    public required string? OsVersion { get; init; }

    public required string? AppVersion { get; init; }

    public required string? SdkName { get; init; }

    public required string? SdkVersion { get; init; }

    public required string? BuildNumber { get; init; }

    public required string? DeviceModel { get; init; }

    public required string? CountryCode { get; init; }

    public required bool IsDev { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public static EventResponse From(ErrorEvent e) => new(e);
}
