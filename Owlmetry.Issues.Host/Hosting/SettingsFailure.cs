using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// A server start or a command refused by the settings: a value the configuration binder cannot convert, a check of the
/// server's own (a provider it does not know, a data directory it cannot create), or an option's validation. The
/// operator gets the message, not a stack trace.
/// </summary>
public static class SettingsFailure
{
    public static bool IsSettingsError(Exception exception) => exception switch
    {
        InvalidOperationException or OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsSettingsError),
        _ => false,
    };

    /// <summary>
    /// The failures' messages, one line each and each once: one option's failure can surface through every option whose
    /// setup reads it, and a validation registered twice reports twice.
    /// </summary>
    public static string Describe(Exception exception) => string.Join(Environment.NewLine, Messages(exception).Distinct());

    private static IEnumerable<string> Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Messages),
        OptionsValidationException validation => validation.Failures,
        _ => [exception.Message],
    };
}
