namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed class UserDocument
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    /// <summary>Carries the unique index: emails are unique regardless of case.</summary>
    public string EmailKey { get; set; } = "";

    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public long CreatedAt { get; set; }

    public static UserDocument From(User u) => new()
    {
        Id = u.Id, Email = u.Email, EmailKey = u.Email.ToLowerInvariant(), Name = u.Name, PasswordHash = u.PasswordHash,
        CreatedAt = u.CreatedAt.ToUnixTimeMilliseconds(),
    };

    public User ToUser() => new(Id, Email, Name, PasswordHash, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
