namespace Owlmetry.Issues.Cli;

/// <summary>A saved login: the server, the bearer credential (an API key or a user token), and defaults for commands.</summary>
internal sealed record Profile(Uri Server, string Credential, Guid? ProjectId = null, Guid? TeamId = null);
