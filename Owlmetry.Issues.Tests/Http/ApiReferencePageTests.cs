using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The interactive API reference, rendered from the OpenAPI document with the script bundled in the server.</summary>
public sealed class ApiReferencePageTests
{
    [Test]
    public async Task Docs_AnswersWithTheReferencePage_ThatLoadsItsScriptFromTheServer()
    {
        using var factory = new OwlmetryServerFactory();
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/docs/scalar.js");

        Assert.That((int)page.StatusCode, Is.EqualTo(200));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("<script src=\"scalar.js\"></script>").And.Contain("openapi/v1.json"));
        Assert.That((int)script.StatusCode, Is.EqualTo(200), "the bundled script is served locally, not from a CDN");
    }
}
