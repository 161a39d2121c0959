namespace Owlmetry.Issues.Host.Directory;

/// <summary>A new key and its secret, which is shown only here.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
