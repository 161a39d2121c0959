namespace Owlmetry.Issues.Querying;

/// <summary>
/// Which issues a list keeps by their claim, as of the service's clock: a claim that lapsed counts as none. Wire names:
/// <c>mine</c>, <c>held</c>, <c>none</c>.
/// </summary>
public enum ClaimFilter
{
    /// <summary>Issues whose live claim the caller holds (the same user, or the same key): what an agent is working on.</summary>
    Mine,

    /// <summary>Issues with a live claim, whoever holds it.</summary>
    Held,

    /// <summary>Issues nobody holds: never claimed, released, or whose claim lapsed.</summary>
    None,
}
