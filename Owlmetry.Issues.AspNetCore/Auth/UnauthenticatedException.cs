namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>The principal passed authentication but no actor can be made of it (e.g. a deleted user).</summary>
public sealed class UnauthenticatedException() : Exception("Invalid credentials");
