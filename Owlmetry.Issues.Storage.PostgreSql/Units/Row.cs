using Npgsql;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>Reads a column of the current row by ordinal, nulls included, and enums stored by name.</summary>
internal static class Row
{
    public static string? NullableText(this NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static Guid? NullableId(this NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetGuid(ordinal);

    public static DateTimeOffset Time(this NpgsqlDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(this NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);

    public static TEnum Name<TEnum>(this NpgsqlDataReader row, int ordinal)
        where TEnum : struct, Enum
    {
        var name = row.GetString(ordinal);
        return Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"A stored {typeof(TEnum).Name} '{name}' is unknown to this code.");
    }
}
