using System.Diagnostics;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A .NET program of the build output run as a child process (<c>dotnet X.dll …</c>), its output collected line by
/// line, and killed with SIGKILL: no shutdown code of the child runs, as in a power cut or an OOM kill.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    /// <summary>Starts <paramref name="assemblyName"/> (a dll path relative to the test output) with the current dotnet host.</summary>
    public static ChildProcess Start(
        string assemblyName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, assemblyName);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assemblyName} is not in the test output; is it referenced by the test project?", assembly);
        }

        return StartDotnet([assembly, .. arguments], workingDirectory, environment);
    }

    /// <summary>Starts the current dotnet host with <paramref name="arguments"/> (a program, or an SDK command such as <c>publish</c>).</summary>
    public static ChildProcess StartDotnet(
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartProgram(DotnetHost(), arguments, workingDirectory, environment);

    /// <summary>
    /// Starts any program, <paramref name="fileName"/> found on the PATH unless it is a path; <paramref name="environment"/>
    /// sets variables for the child, a null value removing one.
    /// </summary>
    public static ChildProcess StartProgram(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own settings (e.g. a test environment name) must not leak into the child.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => Append(child._lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a line of output matching <paramref name="match"/>; fails if the child exits or the time runs out.</summary>
    /// <returns>The first matching line.</returns>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        var searched = 0;
        while (true)
        {
            lock (_lines)
            {
                for (; searched < _lines.Count; searched++)
                {
                    if (match(_lines[searched]))
                    {
                        return _lines[searched];
                    }
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The child process exited ({_process.ExitCode}) before {what}.\n{Describe()}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the child to end by itself.</summary>
    /// <returns>Its exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{what} did not end within {timeout.TotalSeconds:0} s.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL on Unix (TerminateProcess on Windows), then waits until the process and its output are gone.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            // It ended on its own first.
        }

        // Without a timeout this also waits for the redirected output to reach its end.
        _process.WaitForExit();
    }

    /// <summary>The tail of the child's output and its error stream, for a failure message.</summary>
    public string Describe()
    {
        var lines = Lines;
        return $"stdout (last 20 of {lines.Count} lines):\n{string.Join('\n', lines.TakeLast(20))}\nstderr:\n{StandardError}";
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }

        _process.Dispose();
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }

    /// <summary>The dotnet executable running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
