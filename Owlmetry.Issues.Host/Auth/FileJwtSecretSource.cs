using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>The secret in a file of the data directory, for a server on LiteDB.</summary>
internal sealed class FileJwtSecretSource(DataDirectory dataDirectory) : IJwtSecretSource
{
    public string ReadOrCreate() => JwtSecretFile.ReadOrCreate(dataDirectory);
}
