using System.Globalization;
using LstmFcn.Pipeline.Cli.Terminal;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Running;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn sample-design MAP --output FILE</c>: the stratified random sample of a class map to label for an
/// accuracy assessment (the sample-design map verb, run on its own): a fixed count per class, or Olofsson et al.'s
/// size for a target standard error of the overall accuracy given the user's accuracies expected. MAP is a class
/// map, or a run directory / map folder holding map/classes.tif. The same seed draws the same points.
/// </summary>
static class SampleDesignCommand
{
    public const string Usage = "usage: lstmfcn sample-design MAP --output FILE.geojson|FILE.csv [--per-class N | --target-se S [--expected-ua U[,U...]]] " +
                                "[--min-per-class N] [--seed N]   (MAP: classes.tif, or a run directory with map/classes.tif)";

    public const int DefaultSeed = 42;

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 1) throw new UsageException(Usage);
        var output = cl.Options.GetValueOrDefault("--output") ?? throw new UsageException($"--output FILE is needed (.geojson or .csv); {Usage}");
        if (Path.GetExtension(output).ToLowerInvariant() is not (".geojson" or ".json" or ".csv"))
            throw new UsageException($"--output {output}: give a .geojson (or .json) or .csv file");
        if (cl.Options.ContainsKey("--per-class") && (cl.Options.ContainsKey("--target-se") || cl.Options.ContainsKey("--expected-ua")))
            throw new UsageException("--per-class draws a fixed count per class; --target-se and --expected-ua size the sample by Olofsson's formula: give one or the other");
        int seed = cl.Options.TryGetValue("--seed", out var s)
            ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--seed {s}: expected a whole number")
            : DefaultSeed;
        var map = ClassMapOf(cl.Positional[0]);
        output = Path.GetFullPath(output);

        var step = new SingleStep("lstmfcn sample-design", "map", "sample-design");
        step.SetText("class_map", map, $"MAP {cl.Positional[0]}");
        step.SetText("output", Path.GetFileName(output), $"--output {output}");
        foreach (var (option, parameter) in new[] { ("--per-class", "per_class"), ("--target-se", "standard_error"), ("--min-per-class", "min_per_class") })
            if (cl.Options.TryGetValue(option, out var value)) step.Set(parameter, value, $"{option} {value}");
        if (cl.Options.TryGetValue("--expected-ua", out var ua)) step.Set("expected_accuracy", $"[{ua}]", $"--expected-ua {ua}");

        var catalog = PipelineLoading.Catalog(cl);
        var verb = catalog.TryGet("sample-design", out var entry) && entry.Plugin is IMapPlugin m
            ? m : throw new UsageException("no sample-design plugin here: the raster plugins are not installed");
        var args = step.Bind(verb);

        IConsoleSink console = cl.Quiet ? SilentConsole.Instance : new TerminalConsole();
        using var log = new RunLog(null, console);
        var folder = RunDirectory.Open(Path.GetDirectoryName(output)!);
        var context = new RunContext(seed, ComputeDevice.Cpu, folder.Path, log, NoProgress.Instance, folder, CancellationToken.None);
        InputException.Guard(() =>
        {
            verb.Run(new MapStageInput(WithoutModel.Instance, folder.Path, "sample-design"), args, context);
            return 0;
        });
        Console.WriteLine(output);
        return 0;
    }

    /// <summary>A class map file as given; a folder: its classes.tif, or a run's map/classes.tif.</summary>
    static string ClassMapOf(string given)
    {
        var path = Path.GetFullPath(given);
        if (File.Exists(path)) return path;
        foreach (var candidate in new[] { Path.Combine(path, "classes.tif"), Path.Combine(path, "map", "classes.tif") })
            if (File.Exists(candidate)) return candidate;
        throw new UsageException(Directory.Exists(path)
            ? $"{given}: a folder without classes.tif or map/classes.tif; give the class map file"
            : $"{given}: no such class map");
    }

    /// <summary>The verb draws from the map alone; there is no model to give it.</summary>
    sealed class WithoutModel : ITrainedPipeline
    {
        public static readonly WithoutModel Instance = new();
        const string Why = "lstmfcn sample-design runs without a model";
        public ClassLabels Classes => throw new InvalidOperationException(Why);
        public TimeSeriesDataset Prepare(TimeSeriesDataset raw) => throw new InvalidOperationException(Why);
        public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset raw, RunContext context) => throw new InvalidOperationException(Why);
        public InferenceFootprint FootprintFor(int channels, int length) => throw new InvalidOperationException(Why);
        public string Fingerprint => "";
        public TrainingInput? Input => null;
    }
}
