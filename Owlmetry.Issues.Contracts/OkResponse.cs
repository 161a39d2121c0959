namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of a request that only succeeds, e.g. deleting an attachment: <c>{"ok": true}</c>, as the reference answers.</summary>
/// <param name="Ok">Always true.</param>
public sealed record OkResponse(bool Ok);
