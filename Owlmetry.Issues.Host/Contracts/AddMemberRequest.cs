namespace Owlmetry.Issues.Host.Contracts;

public sealed record AddMemberRequest(string? Email, string? Name, string? Password, string? Role);
