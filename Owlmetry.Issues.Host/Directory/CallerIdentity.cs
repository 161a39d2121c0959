namespace Owlmetry.Issues.Host.Directory;

/// <summary>Who a request comes from: a <see cref="UserIdentity"/> or a <see cref="KeyIdentity"/>.</summary>
public abstract record CallerIdentity;
