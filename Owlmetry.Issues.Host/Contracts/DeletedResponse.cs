namespace Owlmetry.Issues.Host.Contracts;

public sealed record DeletedResponse(bool Deleted);
