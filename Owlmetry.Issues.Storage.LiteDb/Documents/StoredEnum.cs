namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// Enums other than the status are stored by member name, not number, so that reordering an enum can never
/// silently change what a stored row means.
/// </summary>
internal static class StoredEnum
{
    public static TEnum Parse<TEnum>(string name, object rowId)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Row {rowId} has an unknown stored {typeof(TEnum).Name} '{name}'.");
}
