namespace Owlmetry.Issues.Fingerprinting;

/// <summary>The parts of an error event that decide which issue it belongs to.</summary>
/// <param name="Message">The event message as sent by the SDK.</param>
/// <param name="SourceModule">The module that raised the error, if the SDK reported one.</param>
/// <param name="CustomAttributes">The event's custom attributes; <c>_http_method</c>, <c>_http_url</c> and <c>_error_type</c> are read.</param>
public sealed record FingerprintInput(
    string Message,
    string? SourceModule,
    IReadOnlyDictionary<string, string>? CustomAttributes);
