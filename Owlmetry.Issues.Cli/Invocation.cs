using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Cli;

/// <summary>One command being carried out: its parsed line, where it prints, and the profile and client it needs.</summary>
internal sealed class Invocation(CliApp app, ParseResult parse, CancellationToken ct) : IDisposable
{
    private ServiceProvider? _services;
    private Profile? _profile;

    public ParseResult Parse => parse;

    public CancellationToken Ct => ct;

    public CliOutput Output { get; } = new(app.Context.Out, parse.GetValue(app.JsonOption));

    public string ProfileName => parse.GetValue(app.ProfileOption) ?? CliApp.DefaultProfile;

    public ProfileStore Profiles => new(app.Context.ConfigDirectory);

    public Profile Profile => _profile ??= Profiles.Find(ProfileName)
        ?? throw new UsageException($"No profile '{ProfileName}': run `owlmetry login --server URL --token KEY` first.");

    public T Value<T>(Option<T> option) => parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>The <c>--project</c> given, else the profile's.</summary>
    public Guid Project(Option<Guid?> option) => parse.GetValue(option) ?? Profile.ProjectId
        ?? throw new UsageException("No project: pass --project ID, or log in with --project ID.");

    /// <summary>The <c>--team</c> given, else the profile's.</summary>
    public Guid Team(Option<Guid?> option) => parse.GetValue(option) ?? Profile.TeamId
        ?? throw new UsageException("No team: pass --team ID, or log in with --team ID.");

    public OwlmetryIssuesClient Client => ClientFor(Profile.Server, Profile.Credential);

    /// <summary>The server the last client was made for: the one a request that timed out waited for.</summary>
    public Uri? Server { get; private set; }

    public OwlmetryIssuesClient ClientFor(Uri server, string? credential)
    {
        var services = new ServiceCollection();
        var http = services.AddOwlmetryIssuesClient(o =>
        {
            o.BaseAddress = server;
            o.ApiKey = credential;
            o.Timeout = app.Context.RequestTimeout;
        });
        app.Context.ConfigureHttp?.Invoke(http);
        Server = server;
        _services?.Dispose();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<OwlmetryIssuesClient>();
    }

    public void Dispose() => _services?.Dispose();
}
