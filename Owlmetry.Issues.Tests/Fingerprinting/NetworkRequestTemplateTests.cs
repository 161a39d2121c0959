using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Tests.Fingerprinting;

public sealed class NetworkRequestTemplateTests
{
    [TestCase("get", "https://api.example.com/users/42", ExpectedResult = "GET api.example.com/users/<n>")]
    [TestCase(" patch ", "https://api.example.com/items/550E8400-E29B-41D4-A716-446655440000", ExpectedResult = "PATCH api.example.com/items/<uuid>")]
    [TestCase("GET", "https://api.example.com/items/550e8400-e29b-41d4-a716-446655440000/x", ExpectedResult = "GET api.example.com/items/<uuid>/x")]
    [TestCase("GET", "https://api.example.com/orders/ord_1234567890ab", ExpectedResult = "GET api.example.com/orders/<id>")]
    [TestCase("GET", "https://api.example.com/a1b2c3d4e5f6", ExpectedResult = "GET api.example.com/<id>")]
    [TestCase("GET", "https://api.example.com/a1b2c3d4e5f", ExpectedResult = "GET api.example.com/a1b2c3d4e5f")]
    [TestCase("GET", "https://api.example.com/abcdefghijklmnop", ExpectedResult = "GET api.example.com/abcdefghijklmnop")]
    [TestCase("GET", "https://api.example.com/v1/users", ExpectedResult = "GET api.example.com/v1/users")]
    public string Describe_PathSegments_AreTemplated(string method, string url) => Describe(method, url);

    [TestCase("GET", "https://api.example.com/files/ab%2012345678", ExpectedResult = "GET api.example.com/files/ab%2012345678")]
    [TestCase("GET", "https://api.example.com/files/report%20v12%20final", ExpectedResult = "GET api.example.com/files/<id>")]
    public string Describe_EncodedSegment_IsMeasuredDecoded(string method, string url) => Describe(method, url);

    [TestCase("GET", "https://api.example.com/search?q=1#top", ExpectedResult = "GET api.example.com/search")]
    [TestCase("GET", "https://API.Example.COM/Users", ExpectedResult = "GET api.example.com/Users")]
    [TestCase("GET", "http://localhost:8080/health", ExpectedResult = "GET localhost:8080/health")]
    [TestCase("GET", "https://example.com:443/x", ExpectedResult = "GET example.com/x")]
    [TestCase("GET", "https://example.com", ExpectedResult = "GET example.com/")]
    [TestCase("GET", "https://example.com/a//b/", ExpectedResult = "GET example.com/a//b/")]
    public string Describe_AbsoluteUrl_KeepsHostAndPathOnly(string method, string url) => Describe(method, url);

    [TestCase("GET", "/api/v2/users/7?x=1", ExpectedResult = "GET /api/v2/users/<n>")]
    [TestCase("GET", "http://[::1/users/5?x", ExpectedResult = "GET [::1/users/<n>")]
    [TestCase("GET", "::::", ExpectedResult = "GET ::::")]
    [TestCase("GET", "%%%/12345", ExpectedResult = "GET %%%/<n>")]
    [TestCase("GET", "ht tp://Exa mple.com/1#x", ExpectedResult = "GET exa mple.com/<n>")]
    [TestCase("GET", "\U0001F600://\uD800/\U0001F600", ExpectedResult = "GET \uD800/\U0001F600")]
    [TestCase("GET", "?page=2#top", ExpectedResult = "GET")]
    [TestCase("GET", "://host/7", ExpectedResult = "GET host/<n>")]
    [TestCase("GET", "ht tp://Exa mple.com", ExpectedResult = "GET exa mple.com")]
    [TestCase("GET", "ht tp:///7", ExpectedResult = "GET /<n>")]
    [TestCase("GET", "urn:a1", ExpectedResult = "GET urn:a1")]
    public string Describe_UnparseableUrl_FallsBackWithoutThrowing(string method, string url) => Describe(method, url);

    [TestCase(null, "https://example.com/1", ExpectedResult = "example.com/<n>")]
    [TestCase("POST", null, ExpectedResult = "POST")]
    [TestCase(null, null, ExpectedResult = "")]
    public string Describe_MissingAttribute_LeavesItsPartOut(string? method, string? url) => Describe(method, url);

    [Test]
    public void Describe_NoAttributes_ReturnsEmpty()
    {
        var description = NetworkRequestTemplate.Describe(null);

        Assert.That(description, Is.Empty);
    }

    private static string Describe(string? method, string? url)
    {
        var attributes = new Dictionary<string, string>();
        if (method is not null)
        {
            attributes["_http_method"] = method;
        }

        if (url is not null)
        {
            attributes["_http_url"] = url;
        }

        return NetworkRequestTemplate.Describe(attributes);
    }
}
