namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>One observed value of a side's state, named by where it was read, e.g. <c>issue[iOS/prod/:Disk full].status</c>.</summary>
internal sealed record StateField(string Path, string Value)
{
    public override string ToString() => $"{Path} = {Value}";
}
