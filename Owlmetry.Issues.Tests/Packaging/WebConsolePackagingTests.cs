using Owlmetry.Issues.AspNetCore;

namespace Owlmetry.Issues.Tests.Packaging;

/// <summary>The web console is a package of its own: the API-only package does not pull it in.</summary>
public sealed class WebConsolePackagingTests
{
    [Test]
    public void ApiPackage_DoesNotReferenceTheWebConsole()
    {
        var references = typeof(OwlmetryIssuesApiOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.That(references, Does.Not.Contain("Owlmetry.Issues.WebConsole"));
    }

    [Test]
    public void WebConsole_CarriesEveryAssetItsPageLoads()
    {
        var assembly = typeof(global::Owlmetry.Issues.WebConsole.IWebConsoleSignIn).Assembly;
        var assets = assembly.GetManifestResourceNames();
        var modules = assets.Where(a => a.EndsWith(".js", StringComparison.Ordinal)).ToList();

        Assert.That(assets, Does.Contain("Assets/index.html").And.Contain("Assets/console.css").And.Contain("Assets/app.js"));
        foreach (var module in modules)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(module)!);
            var imports = System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), @"from '\./([a-z]+\.js)'").Select(m => "Assets/" + m.Groups[1].Value);
            Assert.That(assets, Is.SupersetOf(imports), module);
        }
    }
}
