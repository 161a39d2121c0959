namespace Owlmetry.Issues.Host.Directory;

/// <summary>A new app and the secret of its client key, which is shown only here.</summary>
public sealed record CreatedApp(App App, Guid TeamId, string ClientSecret);
