using Microsoft.Extensions.Options;
using Owlmetry.Issues.Host;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;

if (await HostCommandLine.TryRunCommandAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

WebApplication app;
try
{
    // Configuration is read once, at start. Watching appsettings.json for changes watches the whole working directory,
    // data directory included (by default it is there): every page the store writes would wake the watcher.
    var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
    builder.AddOwlmetryServer();
    app = builder.Build();

    // The settings are read and checked here rather than by the host's start, which would log them as a crash, and
    // before the pipeline is built, which opens the store: a refused start leaves an empty data directory empty.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.UseOwlmetryServer();
}
catch (Exception e) when (SettingsFailure.IsSettingsError(e))
{
    await Console.Error.WriteLineAsync($"The server cannot start: {SettingsFailure.Describe(e)}");
    return 1;
}
catch (IOException e)
{
    // The store's file held by another server.
    await Console.Error.WriteLineAsync($"The server cannot start: {e.Message}");
    return 1;
}

if (await ServerStorage.FindUnusableAsync(app.Services) is { } unusable)
{
    await Console.Error.WriteLineAsync($"The server cannot start: {unusable}");
    return 1;
}

await using (app)
{
    try
    {
        await app.StartAsync();
    }
    catch (IOException e)
    {
        // Its address in use, most often; the host has logged the failure with its stack trace already.
        await Console.Error.WriteLineAsync($"The server cannot start: {e.Message}");
        return 1;
    }

    await app.WaitForShutdownAsync();
}

return 0;

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
