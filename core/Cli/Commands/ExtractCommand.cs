using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn extract CUBE POINTS [--output FILE.csv] [--with KEY=VALUE]…</c>: the time series of labelled points read
/// from a cube (sits_get_data), without a model — the cube-points loader, checked like a pipeline step, written as a
/// wide sample table (band names, pixel column and row kept) that the sample-table loader reads back.
/// </summary>
static class ExtractCommand
{
    public const string Usage = "usage: lstmfcn extract CUBE POINTS.csv [--output FILE.csv] [--with KEY=VALUE]...   (KEY: a cube-points parameter)";

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 2) throw new UsageException(Usage);
        var output = Path.GetFullPath(cl.Options.GetValueOrDefault("--output") ?? "samples.csv");
        var text = $"name: extract\nloader: {{plugin: cube-points, with: {{cube: {Json(Path.GetFullPath(cl.Positional[0]))}, points: {Json(Path.GetFullPath(cl.Positional[1]))}}}}}\nmodel: 1nn\n";
        var document = PipelineDocument.Parse(Path.Combine(Environment.CurrentDirectory, "(lstmfcn extract)"), new StringReader(text));
        foreach (var assignment in cl.WithArguments) document.ApplyOverride($"loader.with.{assignment}", $"--with {assignment}");
        var catalog = PipelineLoading.Catalog(cl);
        // Resolving checks the loader's arguments (paths, types, ranges) as for any pipeline; the model is never used.
        var loader = PipelineResolver.Resolve(PipelineReader.Read(document), catalog).Loader!;

        using var log = new RunLog(null, CommandConsole.For(cl));
        var folder = RunDirectory.Open(Path.GetDirectoryName(output)!);
        var context = new RunContext(0, ComputeDevice.Cpu, folder.Path, log, NoProgress.Instance, folder, CancellationToken.None);
        var split = loader.Plugin.Load(loader.Arguments, context);
        SampleTableWriter.WriteCsv(folder, Path.GetFileName(output), split.Train);
        log.Info($"{split.Train.Count} sample(s), {split.Train.Channels} band(s) × {DatasetText.Lengths(split.Train)} dates → {output}");
        Console.WriteLine(output);
        return 0;
    }

    static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
