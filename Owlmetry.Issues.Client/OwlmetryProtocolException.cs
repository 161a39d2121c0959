namespace Owlmetry.Issues.Client;

/// <summary>
/// The server's answer could not be used as the Owlmetry API's: a success whose body is not the JSON the route
/// answers, an answer longer than <see cref="OwlmetryIssuesClientOptions.MaxResponseSize"/>, a list page that repeats
/// the cursor it was asked for, or a link to another origin than the client's
/// <see cref="OwlmetryIssuesClientOptions.BaseAddress"/>. Usually the address is not an Owlmetry server, or something in
/// front of it (a proxy, a sign-in page) answered instead.
/// </summary>
public sealed class OwlmetryProtocolException : Exception
{
    /// <summary>Creates the exception of an answer the client cannot use.</summary>
    /// <param name="message">What was asked and what came back.</param>
    /// <param name="innerException">The reader's exception, when the body did not parse.</param>
    public OwlmetryProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
