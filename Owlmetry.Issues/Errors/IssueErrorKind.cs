namespace Owlmetry.Issues.Errors;

/// <summary>Why an operation was refused. Hosts map each kind to one status code.</summary>
public enum IssueErrorKind
{
    /// <summary>The input is malformed or breaks a rule (HTTP 400).</summary>
    Invalid,

    /// <summary>The actor lacks a permission or a role (HTTP 403).</summary>
    Forbidden,

    /// <summary>The resource does not exist or is not visible to the actor (HTTP 404).</summary>
    NotFound,

    /// <summary>The operation conflicts with the current state (HTTP 409).</summary>
    Conflict,

    /// <summary>The caller's credentials were refused (HTTP 401). Used by hosts (e.g. a login), never by the issue service.</summary>
    Unauthenticated,

    /// <summary>The input is larger than allowed: an attachment's size, an upload body or a quota (HTTP 413).</summary>
    TooLarge,

    /// <summary>The kind of content is refused, e.g. an executable attachment (HTTP 415).</summary>
    UnsupportedType,

    /// <summary>The resource existed but is no longer available, e.g. an expired upload or download link (HTTP 410).</summary>
    Gone,
}
