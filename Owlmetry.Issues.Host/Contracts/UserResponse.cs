namespace Owlmetry.Issues.Host.Contracts;

public sealed record UserResponse(Guid Id, string Email, string Name);
