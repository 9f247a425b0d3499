using System.Diagnostics;
using System.Globalization;
using LstmFcn.Benchmarks.Forest;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Evaluation;
using LstmFcn.Plugins.Forest;
using LstmFcn.Plugins.Forest.Boosting;
using LstmFcn.Plugins.Tables;

// Tree-model benchmark: the random-forest (or gradient-boosting) plugin on the sits samples (1 892 series, 4 bands × 23
// dates, 9 classes) over 5 stratified folds. Each run fits and predicts every fold with seed 42 + run; the folds are
// written to folds.csv for benchmarks/forest/sklearn_reference.py, which repeats the same with scikit-learn.
//
//   dotnet run --project benchmarks/Forest.Bench -c Release -- [--model random-forest|gradient-boosting] [--runs 5]
//       [--threads 2] [--trees 100] [--iterations 100] [--data PATH] [--folds benchmarks/forest/folds.csv]

var options = BenchOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var work = new WorkFolder();
var context = new RunContext(42, ComputeDevice.Cpu, work.Path, new RunLog(null, SilentConsole.Instance), NoProgress.Instance,
    RunDirectory.Open(work.Path)) { Threads = options.Threads };

var loader = new SampleTableLoader();
var loadArgs = Arguments(loader, ("train", options.Data), ("bands", new List<string> { "NDVI", "EVI", "NIR", "MIR" }));
var clock = Stopwatch.StartNew();
var data = loader.Load(loadArgs, context).Train;
Console.WriteLine($"Loaded {data.Count} samples ({data.Channels} bands × {data.MaxLength} dates, {data.Classes.Count} classes) " +
                  $"from {options.Data} in {clock.Elapsed.TotalSeconds:F2} s");

// The engine's own assignment (what `evaluate: {kfold: 5}` with seed 42 uses).
var folds = StratifiedFolds.Assign(data.Labels(), options.Folds, 42);
FoldFile.Write(options.FoldPath, data, folds);
Console.WriteLine($"Wrote the fold of every sample to {options.FoldPath}");
IModelPlugin model = options.Model == "gradient-boosting" ? new GradientBoostingPlugin() : new RandomForestPlugin();
var modelArgs = options.Model == "gradient-boosting"
    ? Arguments(model, ("iterations", options.Iterations))
    : Arguments(model, ("trees", options.Trees));
Console.WriteLine(options.Model == "gradient-boosting"
    ? $"gradient-boosting: {options.Iterations} iterations, 31 leaves, {options.Threads} thread(s); {options.Runs} run(s)"
    : $"random-forest: {options.Trees} trees, max_features sqrt, {options.Threads} thread(s); {options.Runs} run(s)");
Console.WriteLine();

var truth = data.Labels();
var results = new List<(double Seconds, double Accuracy, double MacroF1)>();
for (int run = 1; run <= options.Runs; run++)
{
    var predicted = new int[data.Count];
    double total = 0;
    var perFold = new List<string>();
    for (int f = 0; f < options.Folds; f++)
    {
        var trainIdx = Enumerable.Range(0, data.Count).Where(i => folds[i] != f).ToArray();
        var testIdx = Enumerable.Range(0, data.Count).Where(i => folds[i] == f).ToArray();
        var train = data.WithSamples(trainIdx.Select(i => data.Samples[i]).ToList());
        var test = data.WithSamples(testIdx.Select(i => data.Samples[i]).ToList());
        var foldContext = new RunContext(42 + run, ComputeDevice.Cpu, work.Path, context.Log, NoProgress.Instance,
            RunDirectory.Open(work.Path)) { Threads = options.Threads };

        clock.Restart();
        using var trained = model.Fit(train, modelArgs, foldContext);
        double fit = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var labels = trained.PredictProbabilities(test, foldContext).ArgMax();
        double predict = clock.Elapsed.TotalSeconds;

        total += fit + predict;
        for (int r = 0; r < testIdx.Length; r++) predicted[testIdx[r]] = labels[r];
        perFold.Add($"fold {f + 1}: fit {fit:F3} s, predict {predict:F3} s, accuracy {Scores.Accuracy(test.Labels(), labels):F4}");
    }
    double accuracy = Scores.Accuracy(truth, predicted), macroF1 = Scores.MacroF1(truth, predicted, data.Classes.Count);
    results.Add((total, accuracy, macroF1));
    Console.WriteLine($"run {run} (seed {42 + run}): fit+predict {total:F3} s, accuracy {accuracy:F4}, macro-F1 {macroF1:F4}");
    foreach (var line in perFold) Console.WriteLine("    " + line);
}
Console.WriteLine();
Console.WriteLine($"median over {options.Runs} run(s): fit+predict {Scores.Median(results.Select(r => r.Seconds)):F3} s, " +
                  $"accuracy {Scores.Median(results.Select(r => r.Accuracy)):F4}, macro-F1 {Scores.Median(results.Select(r => r.MacroF1)):F4}");
return 0;

static PluginArguments Arguments(IPlugin plugin, params (string Name, object Value)[] values)
{
    var bound = plugin.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
    foreach (var (name, value) in values) bound[name] = value is int i ? (long)i : value;
    return new PluginArguments($"bench ({plugin.Name})", bound);
}

/// <summary>Command-line settings of the benchmark.</summary>
sealed record BenchOptions(string Model, int Runs, int Threads, int Trees, int Iterations, int Folds, string Data, string FoldPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var repo = FindRepository();
        var o = new BenchOptions("random-forest", 5, 2, 100, 100, 5,
            Path.GetFullPath(Path.Combine(repo, "..", "shared", "datasets", "sits_mod13q1_sinop", "samples", "samples_mt_4bands_long.csv")),
            Path.Combine(repo, "benchmarks", "forest", "folds.csv"));
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--model" => o with { Model = ModelName(Value()) },
                "--runs" => o with { Runs = int.Parse(Value()) },
                "--iterations" => o with { Iterations = int.Parse(Value()) },
                "--threads" => o with { Threads = int.Parse(Value()) },
                "--trees" => o with { Trees = int.Parse(Value()) },
                "--data" => o with { Data = Path.GetFullPath(Value()) },
                "--folds" => o with { FoldPath = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option {args[i]} (--model NAME, --runs N, --threads N, --trees N, --iterations N, --data PATH, --folds PATH)"),
            };
        }
        return o;
    }

    static string ModelName(string name) => name is "random-forest" or "gradient-boosting" ? name
        : throw new ArgumentException($"--model is random-forest or gradient-boosting, found '{name}'");

    static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LstmFcn.Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no LstmFcn.Pipeline.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A scratch folder for the artifacts the plugin writes (feature importances), removed at the end.</summary>
sealed class WorkFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("forest-bench-").FullName;
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
