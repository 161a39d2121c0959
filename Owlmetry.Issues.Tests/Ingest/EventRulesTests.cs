using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Ingest;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset s_now = TestTimes.ClockStart;
    private static readonly IngestSource s_apple = new(Guid.NewGuid(), Guid.NewGuid(), "apple", "US");

    private static IncomingEvent Valid() => new()
    {
        Message = "Connection refused",
        Level = "error",
        SessionId = Guid.NewGuid().ToString(),
    };

    [Test]
    public void Validate_MinimalEvent_IsAcceptedWithDefaults()
    {
        var result = EventRules.Validate(Valid(), s_apple, s_now);

        var accepted = result.Value.Event;
        Assert.That(result.Value.Level, Is.EqualTo("error"));
        Assert.That(accepted.Timestamp, Is.EqualTo(s_now));
        Assert.That(accepted.IsDev, Is.False);
        Assert.That(accepted.CountryCode, Is.EqualTo("US"));
        Assert.That(accepted.AppId, Is.EqualTo(s_apple.AppId));
    }

    public static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(Valid() with { Message = null }, "message is required").SetName("Validate_NoMessage_IsRefused");
        yield return new TestCaseData(Valid() with { Message = "" }, "message is required").SetName("Validate_EmptyMessage_IsRefused");
        yield return new TestCaseData(Valid() with { Message = new string('m', 10_001) }, "message must be at most 10000 characters").SetName("Validate_MessageOver10000_IsRefused");
        yield return new TestCaseData(Valid() with { Level = null }, "level must be one of: info, debug, warn, error").SetName("Validate_NoLevel_IsRefused");
        yield return new TestCaseData(Valid() with { Level = "fatal" }, "level must be one of: info, debug, warn, error").SetName("Validate_UnknownLevel_IsRefused");
        yield return new TestCaseData(Valid() with { SessionId = null }, "session_id must be a UUID").SetName("Validate_NoSession_IsRefused");
        yield return new TestCaseData(Valid() with { SessionId = "abc" }, "session_id must be a UUID").SetName("Validate_MalformedSession_IsRefused");
        yield return new TestCaseData(Valid() with { ClientEventId = "abc" }, "client_event_id must be a UUID").SetName("Validate_MalformedClientEventId_IsRefused");
        yield return new TestCaseData(Valid() with { UserId = new string('u', 256) }, "user_id must be at most 255 characters").SetName("Validate_UserIdOver255_IsRefused");
        yield return new TestCaseData(Valid() with { SourceModule = new string('s', 256) }, "source_module must be at most 255 characters").SetName("Validate_SourceModuleOver255_IsRefused");
        yield return new TestCaseData(Valid() with { AppVersion = new string('1', 51) }, "app_version must be at most 50 characters").SetName("Validate_AppVersionOver50_IsRefused");
        yield return new TestCaseData(Valid() with { DeviceModel = new string('d', 101) }, "device_model must be at most 100 characters").SetName("Validate_DeviceModelOver100_IsRefused");
        yield return new TestCaseData(Valid() with { Environment = "android" }, "environment 'android' is not allowed for platform 'apple'").SetName("Validate_EnvironmentOfOtherPlatform_IsRefused");
        yield return new TestCaseData(Valid() with { Timestamp = "yesterday" }, "timestamp must be an ISO-8601 date-time").SetName("Validate_UnparseableTimestamp_IsRefused");
        yield return new TestCaseData(Valid() with { Timestamp = s_now.AddMinutes(5).AddSeconds(1).ToString("O") }, "timestamp is more than 5 minutes in the future").SetName("Validate_TimestampTooFarAhead_IsRefused");
        yield return new TestCaseData(Valid() with { Timestamp = s_now.AddDays(-30).AddSeconds(-1).ToString("O") }, "timestamp is more than 30 days in the past").SetName("Validate_TimestampTooOld_IsRefused");
        yield return new TestCaseData(Valid() with { CustomAttributes = Enumerable.Range(0, 101).ToDictionary(i => $"k{i}", i => "v") }, "custom_attributes may have at most 100 entries").SetName("Validate_TooManyAttributes_IsRefused");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Validate_BreakingARule_IsInvalidWithMessage(IncomingEvent incoming, string message)
    {
        var result = EventRules.Validate(incoming, s_apple, s_now);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid(message)));
    }

    [TestCase("ios")]
    [TestCase("ipados")]
    [TestCase("macos")]
    [TestCase("watchos")]
    public void Validate_AppleEnvironments_AreAccepted(string environment)
    {
        Assert.That(EventRules.Validate(Valid() with { Environment = environment }, s_apple, s_now).IsSuccess, Is.True);
    }

    [TestCase("android", "android")]
    [TestCase("web", "web")]
    [TestCase("backend", "backend")]
    public void AllowsEnvironment_OwnPlatform_IsTrue(string platform, string environment)
    {
        Assert.That(EventRules.AllowsEnvironment(platform, environment), Is.True);
    }

    [Test]
    public void Validate_TimestampAtTheBounds_IsAccepted()
    {
        var ahead = EventRules.Validate(Valid() with { Timestamp = s_now.AddMinutes(5).ToString("O") }, s_apple, s_now);
        var behind = EventRules.Validate(Valid() with { Timestamp = s_now.AddDays(-30).ToString("O") }, s_apple, s_now);

        Assert.That(ahead.IsSuccess && behind.IsSuccess, Is.True, $"{ahead} / {behind}");
    }

    [Test]
    public void Validate_EveryBoundedFieldAtItsLongest_IsAccepted()
    {
        var incoming = Valid() with
        {
            Message = new string('m', EventRules.MaxMessageLength),
            UserId = new string('u', 255), SourceModule = new string('s', 255), ScreenName = new string('n', 255),
            OsVersion = new string('o', 50), AppVersion = new string('1', 50), SdkName = new string('k', 50),
            SdkVersion = new string('2', 50), BuildNumber = new string('3', 50), DeviceModel = new string('d', 100),
        };

        var result = EventRules.Validate(incoming, s_apple, s_now);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value.Event.DeviceModel, Has.Length.EqualTo(100));
    }

    [Test]
    public void Validate_MostAttributesWithLongestKeys_AreAccepted()
    {
        var attributes = Enumerable.Range(0, EventRules.MaxAttributes).ToDictionary(i => $"{i:D3}".PadRight(EventRules.MaxAttributeKeyLength, 'k'), _ => "v");

        var result = EventRules.Validate(Valid() with { CustomAttributes = attributes }, s_apple, s_now);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value.Event.CustomAttributes, Has.Count.EqualTo(EventRules.MaxAttributes));
    }

    [Test]
    public void Validate_AttributeKeyTooLong_IsRefusedNamingItsFirst20Characters()
    {
        var key = new string('k', 20) + new string('x', EventRules.MaxAttributeKeyLength - 19);

        var result = EventRules.Validate(Valid() with { CustomAttributes = new Dictionary<string, string> { [key] = "v" } }, s_apple, s_now);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid($"custom_attributes keys must be 1..100 characters ('{new string('k', 20)}')")));
    }

    [Test]
    public void Validate_AttributeValueCutInsideASurrogatePair_IsCutBeforeIt()
    {
        var value = new string('a', 199) + "\U0001F600" + "tail";

        var accepted = EventRules.Validate(Valid() with { CustomAttributes = new Dictionary<string, string> { ["screen"] = value } }, s_apple, s_now).Value.Event;

        Assert.That(accepted.CustomAttributes["screen"], Is.EqualTo(new string('a', 199)));
    }

    [Test]
    public void Validate_NoEventOrSource_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EventRules.Validate(null!, s_apple, s_now));
        Assert.Throws<ArgumentNullException>(() => EventRules.Validate(Valid(), null!, s_now));
    }

    [Test]
    public void Validate_LongAttributeValues_AreCutNotRefused()
    {
        var attributes = new Dictionary<string, string> { ["screen"] = new('a', 500), ["_error_stack"] = new('s', 20_000) };

        var accepted = EventRules.Validate(Valid() with { CustomAttributes = attributes }, s_apple, s_now).Value.Event;

        Assert.That(accepted.CustomAttributes["screen"], Has.Length.EqualTo(200));
        Assert.That(accepted.CustomAttributes["_error_stack"], Has.Length.EqualTo(16_000));
    }

    [Test]
    public void Validate_NulCharactersInTheText_AreReplacedAndTheEventKept()
    {
        var incoming = Valid() with
        {
            Message = "bad\0path", UserId = "u\0", SourceModule = "m\0", ScreenName = "s\0", OsVersion = "o\0",
            AppVersion = "1\0", SdkName = "k\0", SdkVersion = "2\0", BuildNumber = "3\0", DeviceModel = "d\0",
            CustomAttributes = new Dictionary<string, string> { ["screen"] = "\0home", ["_error_stack"] = "at\0x" },
        };

        var accepted = EventRules.Validate(incoming, s_apple, s_now).Value.Event;

        Assert.That(accepted.Message, Is.EqualTo("bad\uFFFDpath"));
        Assert.That(
            new[] { accepted.UserId, accepted.SourceModule, accepted.ScreenName, accepted.OsVersion, accepted.AppVersion, accepted.SdkName, accepted.SdkVersion, accepted.BuildNumber, accepted.DeviceModel },
            Is.EqualTo(new[] { "u\uFFFD", "m\uFFFD", "s\uFFFD", "o\uFFFD", "1\uFFFD", "k\uFFFD", "2\uFFFD", "3\uFFFD", "d\uFFFD" }));
        Assert.That(accepted.CustomAttributes, Is.EqualTo(new Dictionary<string, string> { ["screen"] = "\uFFFDhome", ["_error_stack"] = "at\uFFFDx" }));
    }

    [Test]
    public void Validate_NulCharacterInAnAttributeKey_IsRefused()
    {
        var result = EventRules.Validate(Valid() with { CustomAttributes = new Dictionary<string, string> { ["ok"] = "v", ["k\0"] = "v" } }, s_apple, s_now);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("custom_attributes keys must not contain the NUL character (U+0000)")));
    }

    [Test]
    public void Validate_TimestampWithOffset_IsStoredInUtcMilliseconds()
    {
        var accepted = EventRules.Validate(Valid() with { Timestamp = "2024-01-15T11:00:00.1234567+01:00" }, s_apple, s_now).Value.Event;

        Assert.That(accepted.Timestamp, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 10, 0, 0, 123, TimeSpan.Zero)));
        Assert.That(accepted.Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
    }
}
