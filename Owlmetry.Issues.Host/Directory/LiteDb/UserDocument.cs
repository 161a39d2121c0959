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
        Id = u.Id, Email = u.Email, EmailKey = EmailKeyOf(u.Email), Name = u.Name, PasswordHash = u.PasswordHash,
        CreatedAt = u.CreatedAt.ToUnixTimeMilliseconds(),
    };

    /// <summary>The unique key of an email: emails are unique regardless of case.</summary>
    public static string EmailKeyOf(string email) => email.ToLowerInvariant();

    public User ToUser() => new(Id, Email, Name, PasswordHash, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
