namespace Owlmetry.Issues.Cli;

/// <summary>The server accepted the request but refused part of it (exit code 1); the reasons are already printed.</summary>
internal sealed class PartlyRefusedException() : Exception("The server refused part of the request.");
