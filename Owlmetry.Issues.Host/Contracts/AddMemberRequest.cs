namespace Owlmetry.Issues.Host.Contracts;

public sealed record AddMemberRequest(string? Email, string? Name = null, string? Password = null, string? Role = null);
