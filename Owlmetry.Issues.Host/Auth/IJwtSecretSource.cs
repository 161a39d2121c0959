namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// Where the user-token signing secret comes from when <c>Auth:JwtSecret</c> is not configured: beside the rest of
/// what the server stores, so that every server on one database signs and accepts the same tokens.
/// </summary>
internal interface IJwtSecretSource
{
    /// <returns>The stored secret, generated and stored first when there is none.</returns>
    string ReadOrCreate();
}
