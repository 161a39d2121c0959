using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Attachments;

/// <summary>Stops an upload mid-stream (too many bytes, or a program's signature); the service turns it back into its error.</summary>
internal sealed class UploadRefusedException(IssueError error) : Exception(error.Message)
{
    public IssueError Error { get; } = error;
}
