namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed class ApiKeyDocument
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string KeyType { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public Guid TeamId { get; set; }

    public Guid? AppId { get; set; }

    public List<string> Permissions { get; set; } = [];

    public Guid? CreatedByUserId { get; set; }

    public long CreatedAt { get; set; }

    public long? ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }

    public static ApiKeyDocument From(ApiKey k) => new()
    {
        Id = k.Id, Name = k.Name, KeyType = k.KeyType.ToString(), SecretHash = k.SecretHash, TeamId = k.TeamId, AppId = k.AppId,
        Permissions = [.. k.Permissions], CreatedByUserId = k.CreatedByUserId, CreatedAt = k.CreatedAt.ToUnixTimeMilliseconds(),
        ExpiresAt = k.ExpiresAt?.ToUnixTimeMilliseconds(), RevokedAt = k.RevokedAt?.ToUnixTimeMilliseconds(),
    };

    public ApiKey ToKey() => new(
        Id, Name, Enum.Parse<ApiKeyType>(KeyType), SecretHash, TeamId, AppId, Permissions, CreatedByUserId,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), Time(ExpiresAt), Time(RevokedAt));

    private static DateTimeOffset? Time(long? milliseconds) => milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
