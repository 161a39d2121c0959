using Owlmetry.Issues.Host;
using Owlmetry.Issues.Host.Accounts;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Host.Storage;

switch (args)
{
    case ["init", .. var initArgs]:
        return await InitCommand.RunAsync(initArgs, Console.Out, Console.Error);
    case ["backup", .. var backupArgs]:
        return await BackupCommand.RunAsync(backupArgs, Console.Out, Console.Error);
    case ["restore", .. var restoreArgs]:
        return await RestoreCommand.RunAsync(restoreArgs, Console.Out, Console.Error);
    case ["users", .. var usersArgs]:
        return await UsersCommand.RunAsync(usersArgs, Console.Out, Console.Error);
    case ["copy-to-postgresql", .. var copyArgs]:
        return await CopyToPostgreSqlCommand.RunAsync(copyArgs, Console.Out, Console.Error);
}

// Configuration is read once, at start. Watching appsettings.json for changes watches the whole working directory,
// data directory included (by default it is there): every page the store writes would wake the watcher.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddOwlmetryServer();

var app = builder.Build();
app.UseOwlmetryServer();
if (await ServerStorage.FindUnusableAsync(app.Services) is { } unusable)
{
    await Console.Error.WriteLineAsync($"The server cannot start: {unusable}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
