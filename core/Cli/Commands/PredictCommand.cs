using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn predict MODEL DATA… [--output DIR] [--format csv|parquet|both] [--loader NAME] [--with KEY=VALUE]…
/// [--set device=cpu|cuda] [--threads N]</c>: applies a saved model (a run directory or its model/ folder) to new
/// series, read by the loader it was trained with unless another is named. Prints the output folder.
/// </summary>
static class PredictCommand
{
    public const string Usage = "usage: lstmfcn predict MODEL DATA... [--output DIR] [--format csv|parquet|both] [--loader NAME] [--with KEY=VALUE]...";

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count < 2) throw new UsageException(Usage);
        var format = cl.Options.GetValueOrDefault("--format") ?? "both";
        if (format is not ("csv" or "parquet" or "both")) throw new UsageException($"--format must be csv, parquet or both; found '{format}'");
        var device = cl.Options.GetValueOrDefault("--device") ?? "auto";
        if (!Enum.TryParse<ComputeDevice>(device, ignoreCase: true, out var computeDevice) || int.TryParse(device, out _))
            throw new UsageException($"--device must be auto, cpu or cuda; found '{device}'");
        int threads = cl.Options.TryGetValue("--threads", out var t) ? (int.TryParse(t, out var n) && n >= 0 ? n : throw new UsageException("--threads must be a whole number ≥ 0")) : 0;
        var request = new PredictionRequest(cl.Positional[0], cl.Positional.Skip(1).ToList(), cl.Options.GetValueOrDefault("--loader"),
            cl.WithArguments, cl.Options.GetValueOrDefault("--output"), format is "csv" or "both", format is "parquet" or "both", computeDevice, threads);
        var output = new NewDataPrediction(PipelineLoading.Catalog(cl)).Run(request, new RunOptions(CommandConsole.For(cl), NoProgress.Instance));
        Console.WriteLine(output);
        return 0;
    }
}
