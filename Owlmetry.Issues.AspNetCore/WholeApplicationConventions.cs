namespace Owlmetry.Issues.AspNetCore;

/// <summary>Registered by <c>ApplyToWholeApplication</c>: the API's error handling answers every request of the application, not only the API's.</summary>
internal sealed class WholeApplicationConventions;
