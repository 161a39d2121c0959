namespace Owlmetry.Issues.Storage;

/// <summary>Thrown by a store when a write would break one of its invariants; the unit of work rolls back.</summary>
public sealed class IssueStoreConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IssueStoreConflictException()
    {
    }

    /// <summary>Creates the exception with a message naming the broken invariant.</summary>
    public IssueStoreConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the provider's own error.</summary>
    public IssueStoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
