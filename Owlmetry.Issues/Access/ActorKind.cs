namespace Owlmetry.Issues.Access;

/// <summary>The kinds of <see cref="Actor"/>.</summary>
public enum ActorKind
{
    /// <summary>A person with a user token.</summary>
    User,

    /// <summary>An agent API key (<c>owl_agent_…</c>).</summary>
    Agent,

    /// <summary>A client API key (<c>owl_client_…</c>) used by SDKs.</summary>
    Client,
}
