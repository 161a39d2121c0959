namespace Owlmetry.Issues.Host.Directory;

public sealed record User(Guid Id, string Email, string Name, string PasswordHash, DateTimeOffset CreatedAt);
