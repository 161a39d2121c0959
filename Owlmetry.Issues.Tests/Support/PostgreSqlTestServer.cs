using Npgsql;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// The PostgreSQL server of the tests: the one <c>OWLMETRY_TEST_POSTGRES</c> names, else a throwaway cluster (unix
/// socket only, no durability) started by the first test that needs it and stopped at the end of the run
/// (<see cref="TestRun"/>). Tests that cannot reach one fail, never skip.
/// </summary>
internal static class PostgreSqlTestServer
{
    private const string ExistingServerVariable = "OWLMETRY_TEST_POSTGRES";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    private static string? s_connectionString;
    private static NpgsqlDataSource? s_dataSource;
    private static TempFolder? s_folder;
    private static string? s_binaries;

    /// <summary>The connection string of the test server's <c>postgres</c> database.</summary>
    public static string ConnectionString => s_connectionString ?? throw new InvalidOperationException("The PostgreSQL test server is not running.");

    /// <summary>A data source shared by the tests, which stores take without owning it.</summary>
    public static NpgsqlDataSource DataSource => s_dataSource ?? throw new InvalidOperationException("The PostgreSQL test server is not running.");

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => $"test_{Guid.NewGuid():N}";

    /// <summary>Drops a test's schema and everything in it.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the server unless it runs already.</summary>
    public static async Task EnsureStartedAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_dataSource is null)
            {
                s_connectionString = Environment.GetEnvironmentVariable(ExistingServerVariable) is { Length: > 0 } existing
                    ? existing
                    : await StartClusterAsync();
                s_dataSource = NpgsqlDataSource.Create(s_connectionString);
            }
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Stops the cluster this run started, if any.</summary>
    public static async Task StopAsync()
    {
        if (s_dataSource is not null)
        {
            await s_dataSource.DisposeAsync();
            s_dataSource = null;
        }

        if (s_folder is not null)
        {
            await RunAsync("pg_ctl", ["-D", Path.Combine(s_folder.Path, "data"), "-m", "fast", "-w", "stop"]);
            s_folder.Dispose();
            s_folder = null;
        }
    }

    private static async Task<string> StartClusterAsync()
    {
        s_binaries = await FindBinariesAsync() ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries (initdb, pg_ctl) were not found: install Debian's 'postgresql' package " +
            $"(apt-get install postgresql), or set {ExistingServerVariable} to the connection string of a server to use.");
        s_folder = new TempFolder();
        if (IsRoot())
        {
            // initdb refuses to run as root: the cluster belongs to the postgres OS user.
            await RunAsync("chown", ["postgres:postgres", s_folder.Path], asPostgres: false);
        }

        var data = Path.Combine(s_folder.Path, "data");
        var port = FreePort.Next();
        await RunAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
        var settings = $"-c listen_addresses='' -k {s_folder.Path} -p {port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync("pg_ctl", ["-D", data, "-l", Path.Combine(s_folder.Path, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
        return $"Host={s_folder.Path};Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var program = tool == "chown" ? tool : Path.Combine(s_binaries!, tool);
        var (fileName, allArguments) = asPostgres && IsRoot() ? ("runuser", (IEnumerable<string>)["-u", "postgres", "--", program, .. arguments]) : (program, arguments);
        using var child = ChildProcess.StartProgram(fileName, allArguments, s_folder?.Path ?? Path.GetTempPath());
        var exitCode = await child.WaitForExitAsync(s_commandTimeout, $"{tool} {string.Join(' ', arguments)}");
        if (exitCode != 0)
        {
            var log = s_folder is not null && File.Exists(s_folder.File("server.log")) ? File.ReadAllText(s_folder.File("server.log")) : "";
            throw new InvalidOperationException(
                $"'{tool}' failed ({exitCode}) starting the PostgreSQL test cluster; is Debian's 'postgresql' package installed?\n{child.Describe()}\n{log}");
        }
    }

    /// <summary><c>pg_config --bindir</c> when pg_config is on the PATH, else the newest /usr/lib/postgresql/*/bin with initdb.</summary>
    private static async Task<string?> FindBinariesAsync()
    {
        try
        {
            using var pgConfig = ChildProcess.StartProgram("pg_config", ["--bindir"], Path.GetTempPath());
            if (await pgConfig.WaitForExitAsync(s_commandTimeout, "pg_config") == 0
                && pgConfig.Lines.FirstOrDefault() is { Length: > 0 } bindir
                && File.Exists(Path.Combine(bindir, "initdb")))
            {
                return bindir;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not on the PATH: look where Debian installs the server.
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";
}
