namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// The principal passed authentication but no actor can be made of it (e.g. a deleted user). The API's exception
/// handler answers it 401 with <c>Invalid credentials</c>.
/// </summary>
public sealed class UnauthenticatedException() : Exception("Invalid credentials");
