using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues;

/// <summary>Which events' issues a list shows. Wire names: <c>production</c>, <c>development</c>, <c>all</c>.</summary>
public enum DataMode
{
    /// <summary>Production issues only.</summary>
    Production,

    /// <summary>Development issues only.</summary>
    Development,

    /// <summary>Both.</summary>
    All,
}

/// <summary>Converts <see cref="DataMode"/> to and from its wire name.</summary>
public static class DataModeNames
{
    private static readonly string[] s_names = ["production", "development", "all"];

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All => s_names;

    /// <summary>Parses a wire name exactly.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of <see cref="All"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out DataMode mode)
    {
        var index = Array.IndexOf(s_names, name);
        mode = index < 0 ? default : (DataMode)index;
        return index >= 0;
    }

    /// <summary>The dev filter a mode stands for: null for <see cref="DataMode.All"/>.</summary>
    public static bool? ToIsDev(this DataMode mode) => mode switch
    {
        DataMode.Production => false,
        DataMode.Development => true,
        _ => null,
    };
}
