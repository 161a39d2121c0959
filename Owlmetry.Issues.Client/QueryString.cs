using System.Globalization;
using System.Text;

namespace Owlmetry.Issues.Client;

/// <summary>An immutable list of query parameters; null values are left out.</summary>
internal sealed class QueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    public QueryString()
        : this([])
    {
    }

    private QueryString(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public QueryString With(string name, string? value) =>
        value is null ? this : new QueryString([.. _pairs, new(name, value)]);

    public QueryString With(string name, Guid? value) => With(name, value?.ToString("D"));

    public QueryString With(string name, int? value) => With(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString With(string name, bool? value) => With(name, value is { } b ? (b ? "true" : "false") : null);

    public string Append(string path)
    {
        if (_pairs.Count == 0)
        {
            return path;
        }

        var text = new StringBuilder(path);
        for (var i = 0; i < _pairs.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(_pairs[i].Key)).Append('=').Append(Uri.EscapeDataString(_pairs[i].Value));
        }

        return text.ToString();
    }
}
