namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>A body of the embedding application's own routes, in its own JSON (ASP.NET Core's defaults).</summary>
internal sealed record ShopCustomer(string? FirstName, DateTimeOffset When)
{
    public static ShopCustomer Ann { get; } = new("Ann", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(6781234));

    /// <summary><see cref="Ann"/> as ASP.NET Core writes her by default: camelCase, the timestamp's own offset and ticks.</summary>
    public const string AnnJson = """{"firstName":"Ann","when":"2026-01-02T03:04:05.6781234+02:00"}""";
}
