using Owlmetry.Issues.Host;
using Owlmetry.Issues.Host.Bootstrap;

if (args is ["init", .. var initArgs])
{
    return await InitCommand.RunAsync(initArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOwlmetryServer();

var app = builder.Build();
app.UseOwlmetryServer();
await app.RunAsync();
return 0;

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
