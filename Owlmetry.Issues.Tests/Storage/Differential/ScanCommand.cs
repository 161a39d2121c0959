namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Runs the issue scan over everything ingested so far.</summary>
internal sealed record ScanCommand : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before) => $"ok: {await side.Scanner.ScanAsync()}";

    public override string ToString() => "scan";
}
