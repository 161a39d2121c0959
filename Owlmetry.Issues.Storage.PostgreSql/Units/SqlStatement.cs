using Npgsql;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>A statement built at run time (a list with its optional filters and cursor) with its positional parameters.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<NpgsqlParameter> Parameters);
