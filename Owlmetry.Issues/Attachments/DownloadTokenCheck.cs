namespace Owlmetry.Issues.Attachments;

/// <summary>What checking a download token found.</summary>
internal enum DownloadTokenCheck
{
    Valid,
    Invalid,
    Expired,
}
