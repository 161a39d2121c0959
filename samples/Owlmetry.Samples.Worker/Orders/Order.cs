namespace Owlmetry.Samples.Worker.Orders;

public sealed record Order(int Id, string? Customer, decimal Total);
