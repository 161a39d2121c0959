namespace Owlmetry.Issues.Querying;

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

/// <summary>What a <see cref="DataMode"/> filters on.</summary>
internal static class DataModeFilters
{
    /// <summary>The dev filter a mode stands for: null for <see cref="DataMode.All"/>.</summary>
    public static bool? ToIsDev(this DataMode mode) => mode switch
    {
        DataMode.Production => false,
        DataMode.Development => true,
        _ => null,
    };
}
