namespace Owlmetry.Issues.Host.Contracts;

public sealed record LoginRequest(string? Email, string? Password);
