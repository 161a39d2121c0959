using Owlmetry.Issues.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddOwlmetryServer();

var app = builder.Build();
app.UseOwlmetryServer();
app.Run();

/// <summary>The server's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
