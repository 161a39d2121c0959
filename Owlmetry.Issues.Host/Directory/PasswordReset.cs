namespace Owlmetry.Issues.Host.Directory;

/// <summary>A user with the new random password they were given; the password exists nowhere else.</summary>
public sealed record PasswordReset(User User, string Password);
