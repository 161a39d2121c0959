using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Tests.Fingerprinting;

public sealed class DefaultFingerprintStrategyTests
{
    private const string OrderUrl = "https://API.example.com/v1/users/12345/orders/550e8400-e29b-41d4-a716-446655440000?page=2#x";

    private readonly DefaultFingerprintStrategy _strategy = new();

    // Expected hashes come from `printf '%s' '<hashed text>' | sha256sum`, not from this code.
    private static IEnumerable<TestCaseData> PinnedHashes()
    {
        yield return new TestCaseData(new FingerprintInput("Connection refused", null, null))
            .Returns("a94dd3239b5204dcf6243786854eeda8ef7dd45d00cb02428d7c0624e0456d4f")
            .SetArgDisplayNames(":connection refused");
        yield return new TestCaseData(new FingerprintInput(
                "Timeout after 30 seconds for user 550E8400-E29B-41D4-A716-446655440000", "Networking", null))
            .Returns("c8914d558129a8bba87979411e79f87612c29f870651f8a6e67f3d1cdb02030e")
            .SetArgDisplayNames("Networking:timeout after <n> seconds for user <uuid>");
        yield return new TestCaseData(new FingerprintInput("sdk:network_request", "URLSession", Attributes(("_http_method", "get"), ("_http_url", OrderUrl))))
            .Returns("41ce8b487d2cf1692d0e625d9e50674b24d29db5b9271b9f754d8e5e81bfc888")
            .SetArgDisplayNames("URLSession:sdk:network_request|get api.example.com/v1/users/<n>/orders/<uuid>");
        yield return new TestCaseData(new FingerprintInput("Payment failed with code 402", "Checkout", Attributes(("_error_type", "StripeError"))))
            .Returns("c959acbc074799a75edb81951a24361adf652023509d0eeff22fea06f2ea3097")
            .SetArgDisplayNames("Checkout:payment failed with code <n>|stripeerror");
    }

    [TestCaseSource(nameof(PinnedHashes))]
    public string Compute_KnownInput_MatchesIndependentlyComputedHash(FingerprintInput input) =>
        _strategy.Compute(input).Hash;

    [Test]
    public void Compute_AnyInput_ReturnsLowercaseHexSha256()
    {
        var fingerprint = _strategy.Compute(new FingerprintInput("Anything", "Module", null));

        Assert.That(fingerprint.Hash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Compute_MessagesDifferingOnlyInIdsNumbersQuotesAndCase_ShareHash()
    {
        var first = new FingerprintInput("User 42 'alice' lost order 550e8400-e29b-41d4-a716-446655440000", "Orders", null);
        var second = new FingerprintInput("  user 7   'bob' LOST order 00000000-0000-0000-0000-00000000000A ", "Orders", null);

        var hashes = (_strategy.Compute(first).Hash, _strategy.Compute(second).Hash);

        Assert.That(hashes.Item1, Is.EqualTo(hashes.Item2));
    }

    [Test]
    public void Compute_DifferentSourceModule_ChangesHash()
    {
        var first = _strategy.Compute(new FingerprintInput("Boom", "Payments", null));
        var second = _strategy.Compute(new FingerprintInput("Boom", "Checkout", null));

        Assert.That(first.Hash, Is.Not.EqualTo(second.Hash));
    }

    [Test]
    public void Compute_NullOrEmptySourceModule_ShareHash()
    {
        var withNull = _strategy.Compute(new FingerprintInput("Boom", null, null));
        var withEmpty = _strategy.Compute(new FingerprintInput("Boom", "", null));

        Assert.That(withNull.Hash, Is.EqualTo(withEmpty.Hash));
    }

    [Test]
    public void Compute_ErrorType_ChangesHash()
    {
        var plain = _strategy.Compute(new FingerprintInput("Boom", null, null));
        var typed = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("_error_type", "IOException"))));
        var otherType = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("_error_type", "TimeoutException"))));

        Assert.Multiple(() =>
        {
            Assert.That(typed.Hash, Is.Not.EqualTo(plain.Hash));
            Assert.That(typed.Hash, Is.Not.EqualTo(otherType.Hash));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Compute_BlankErrorType_IsIgnored(string errorType)
    {
        var plain = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("other", "x"))));
        var blank = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("_error_type", errorType))));

        Assert.That(blank.Hash, Is.EqualTo(plain.Hash));
    }

    [Test]
    public void Compute_ErrorTypesEqualAfterNormalizing_ShareHash()
    {
        var first = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("_error_type", "HttpError 500"))));
        var second = _strategy.Compute(new FingerprintInput("Boom", null, Attributes(("_error_type", " httperror   503"))));

        Assert.That(first.Hash, Is.EqualTo(second.Hash));
    }

    [Test]
    public void Compute_NetworkRequestsToSameEndpoint_ShareHashAndTitle()
    {
        var first = _strategy.Compute(Network("GET", "https://api.example.com/users/1/avatar?size=64"));
        var second = _strategy.Compute(Network("get", "https://API.example.com/users/987654/avatar#top"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Hash, Is.EqualTo(second.Hash));
            Assert.That(first.Title, Is.EqualTo("Network error: GET api.example.com/users/<n>/avatar"));
            Assert.That(second.Title, Is.EqualTo(first.Title));
        });
    }

    [TestCase("POST", "https://api.example.com/users/1/avatar")]
    [TestCase("GET", "https://cdn.example.com/users/1/avatar")]
    [TestCase("GET", "https://api.example.com/users/1/banner")]
    public void Compute_NetworkRequestToOtherEndpoint_ChangesHash(string method, string url)
    {
        var baseline = _strategy.Compute(Network("GET", "https://api.example.com/users/1/avatar"));

        var other = _strategy.Compute(Network(method, url));

        Assert.That(other.Hash, Is.Not.EqualTo(baseline.Hash));
    }

    [Test]
    public void Compute_NetworkRequestTitle_TemplatesUuidsDigitsAndLongIds()
    {
        var fingerprint = _strategy.Compute(Network(
            "delete",
            "https://Api.Example.com/teams/550E8400-E29B-41D4-A716-446655440000/members/77/sessions/sess_0123456789ab?force=1"));

        Assert.That(fingerprint.Title, Is.EqualTo("Network error: DELETE api.example.com/teams/<uuid>/members/<n>/sessions/<id>"));
    }

    [Test]
    public void Compute_NetworkRequestWithErrorType_IgnoresErrorType()
    {
        var plain = _strategy.Compute(Network("GET", "https://api.example.com/x"));
        var typed = _strategy.Compute(new FingerprintInput(
            "sdk:network_request",
            "URLSession",
            Attributes(("_http_method", "GET"), ("_http_url", "https://api.example.com/x"), ("_error_type", "Timeout"))));

        Assert.That(typed.Hash, Is.EqualTo(plain.Hash));
    }

    [Test]
    public void Compute_NetworkRequestWithoutAttributes_HashesWithoutDiscriminator()
    {
        var fingerprint = _strategy.Compute(new FingerprintInput("sdk:network_request", null, null));

        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Title, Is.EqualTo("Network error:"));
            // sha256(":sdk:network_request"): no "|" is appended for an empty discriminator.
            Assert.That(fingerprint.Hash, Is.EqualTo("c123550b44713e2ccc8e51ac7fc6a87ef88b3fe3ea9b953c0fa6dbe36bfbfe13"));
        });
    }

    [Test]
    public void Compute_NetworkMessageWithSurroundingWhitespace_IsTreatedAsNetwork()
    {
        var input = new FingerprintInput(" sdk:network_request\n", null, Attributes(("_http_method", "GET"), ("_http_url", "https://example.com/a")));

        var fingerprint = _strategy.Compute(input);

        Assert.That(fingerprint.Title, Is.EqualTo("Network error: GET example.com/a"));
    }

    [Test]
    public void Compute_OtherMessage_TitleIsTrimmedMessage()
    {
        var fingerprint = _strategy.Compute(new FingerprintInput("  Failed to load profile 42\n", null, Attributes(("_error_type", "IOError"))));

        Assert.That(fingerprint.Title, Is.EqualTo("Failed to load profile 42"));
    }

    [Test]
    public void Compute_LongMessage_TitleIsCutToMaxLength()
    {
        var message = new string('a', 500);

        var fingerprint = _strategy.Compute(new FingerprintInput(message, null, null));

        Assert.That(fingerprint.Title, Is.EqualTo(new string('a', DefaultFingerprintStrategy.MaxTitleLength)));
    }

    [Test]
    public void Compute_LongMessageWithEmojiAtCut_DoesNotSplitSurrogatePair()
    {
        var message = new string('a', DefaultFingerprintStrategy.MaxTitleLength - 1) + "\U0001F600" + "tail";

        var fingerprint = _strategy.Compute(new FingerprintInput(message, null, null));

        Assert.That(fingerprint.Title, Is.EqualTo(new string('a', DefaultFingerprintStrategy.MaxTitleLength - 1)));
    }

    [Test]
    public void Compute_MessageOfExactlyTheLongestTitle_IsTheWholeTitle()
    {
        // Ends in half a surrogate pair: only a longer message is cut, and only a cut steps back from a pair.
        var message = new string('a', DefaultFingerprintStrategy.MaxTitleLength - 1) + "\uD83D";

        var fingerprint = _strategy.Compute(new FingerprintInput(message, null, null));

        Assert.That(fingerprint.Title, Is.EqualTo(message));
    }

    [Test]
    public void Compute_NoInput_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _strategy.Compute(null!));
        Assert.Throws<ArgumentNullException>(() => MessageNormalizer.Normalize(null!));
    }

    private static FingerprintInput Network(string method, string url) =>
        new("sdk:network_request", "URLSession", Attributes(("_http_method", method), ("_http_url", url)));

    private static Dictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value);
}
