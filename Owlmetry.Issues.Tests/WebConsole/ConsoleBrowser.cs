using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Owlmetry.Issues.Tests.WebConsole;

/// <summary>
/// Debian's headless chromium driven through its own chromedriver (<c>/usr/bin/chromedriver</c>), named explicitly so
/// that Selenium Manager never tries to download a browser. One per test fixture.
/// </summary>
internal sealed class ConsoleBrowser : IDisposable
{
    public const string DriverPath = "/usr/bin/chromedriver";
    public const string BrowserPath = "/usr/bin/chromium";

    private ConsoleBrowser(ChromeDriver driver, string baseUrl)
    {
        Driver = driver;
        BaseUrl = baseUrl;
    }

    public ChromeDriver Driver { get; }

    public string BaseUrl { get; }

    public static ConsoleBrowser Start(string baseUrl)
    {
        if (!File.Exists(DriverPath) || !File.Exists(BrowserPath))
        {
            Assert.Fail($"The browser tests need Debian's chromium and chromium-driver ({BrowserPath}, {DriverPath}): apt-get install -y chromium chromium-driver");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=en-US");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ConsoleBrowser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), baseUrl.TrimEnd('/'));
    }

    /// <summary>Goes to a view of the console (a hash change when the page is already loaded).</summary>
    public void Open(string hash = "#/") => Driver.Navigate().GoToUrl($"{BaseUrl}/{hash}");

    /// <summary>Loads the page afresh, as a new visit does.</summary>
    public void Reload(string hash = "#/")
    {
        Open(hash);
        Driver.Navigate().Refresh();
    }

    /// <summary>Signs in from a fresh page with the login form, as <paramref name="email"/> with the test users' password.</summary>
    public void SignIn(string email)
    {
        Driver.Manage().Cookies.DeleteAllCookies();
        Reload();
        Find("#login-email").SendKeys(email);
        Find("#login-password").SendKeys(Support.ConsoleBrowserSession.Password);
        Find("#login-submit").Click();
        Find("#logout");
    }

    /// <summary>Starts <paramref name="factory"/>'s server on a free loopback port, for a browser to reach; its address.</summary>
    public static string StartServer(Support.OwlmetryServerFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The first visible element matching <paramref name="css"/>, waited for; the test fails naming the selector when none shows.</summary>
    public IWebElement Find(string css, int seconds = 10)
    {
        IWebElement? found = null;
        WaitUntil(() => (found = Driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed)) is not null, $"a visible {css}", seconds);
        return found!;
    }

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public void WaitUntil(Func<bool> condition, string what, int seconds = 10)
    {
        try
        {
            var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            wait.Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Timed out waiting for {what}");
        }
    }

    public void Keys(string keys) => new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(keys).Perform();

    /// <summary>What the page logged as an error (uncaught exceptions, failed script loads, CSP refusals) since the last call.</summary>
    public IReadOnlyList<string> TakeErrors() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message)];

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
