namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Which issues an <see cref="IssueHandle"/> picks from.</summary>
internal enum IssueHandleKind
{
    /// <summary>A live issue of a project.</summary>
    Live,

    /// <summary>An issue merged away earlier.</summary>
    MergedAway,

    /// <summary>An id no issue ever had.</summary>
    Unknown,
}
