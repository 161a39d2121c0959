using Microsoft.Extensions.Logging;

namespace Owlmetry.Issues.Tests.Support;

internal sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception);
