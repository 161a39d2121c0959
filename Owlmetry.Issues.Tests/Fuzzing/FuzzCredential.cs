namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>An <c>Authorization</c> header value (or none), named so that a failure says who asked.</summary>
internal sealed record FuzzCredential(string Name, string? Header)
{
    public override string ToString() => Name;
}
