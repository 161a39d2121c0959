using Owlmetry.Samples.Worker;

// The worker imports a batch of orders, filing its errors as issues while it runs, and stops when the batch is done.
using var host = WorkerHost.CreateBuilder(args).Build();
await host.StartAsync();
await host.WaitForShutdownAsync();   // stops the host but, unlike RunAsync, keeps its services for what follows

// Scan what the run recorded and print the project's issues.
await IssueSummary.PrintAsync(host.Services, Console.Out);
