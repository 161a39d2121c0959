namespace Owlmetry.Issues;

/// <summary>Options of the issue library, configured through <c>AddOwlmetryIssues(o => …)</c>.</summary>
public sealed class IssuesOptions
{
    /// <summary>The page size of lists when the caller gives none. Default 50.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest page size a caller may ask for; larger limits are clamped. Default 200.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>How many of the newest attachments an issue detail carries. Default 100.</summary>
    public int DetailAttachmentLimit { get; set; } = 100;

    internal int ClampPageSize(int? limit) => Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
}
