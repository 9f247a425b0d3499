using LstmFcn.Rocket;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LstmFcn.Benchmarks.Rocket;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Plugins.Rocket;
using LstmFcn.Plugins.Ucr;

// ROCKET-family benchmark on the 12 staged UCR sets (default split, seed 42): per set, fit + predict --repeats times
// and keep the median seconds (after one untimed warm-up fit that JIT-compiles the code); accuracy of the first repeat (every repeat is the same model for the seed).
//
//   dotnet run --project benchmarks/Rocket.Bench -c Release -- [--models minirocket,multirocket,hydra,hydra-multirocket]
//       [--threads 2] [--repeats 3] [--data /work/shared/datasets/ucr] [--reference ref.json] [--out results.md]

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var o = BenchOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("rocket-bench-").FullName;
RunContext Context() => new(42, ComputeDevice.Cpu, work, new RunLog(null, SilentConsole.Instance), NoProgress.Instance,
    RunDirectory.Open(work)) { Threads = o.Threads };

var loader = new UcrLoader();
var data = Published.Sets.ToDictionary(s => s, s => loader.Load(Arguments(loader,
    ("train", Path.Combine(o.Data, s, $"{s}_TRAIN.tsv")), ("test", Path.Combine(o.Data, s, $"{s}_TEST.tsv"))), Context()));

var accuracy = new Dictionary<(string Model, string Set), double>();
var seconds = new Dictionary<(string Model, string Set), double>();
foreach (var name in o.Models)
{
    IModelPlugin model = name switch
    {
        "minirocket" => new MiniRocketPlugin(), "multirocket" => new MultiRocketPlugin(), "hydra" => new HydraPlugin(),
        "hydra-multirocket" => new HydraMultiRocketPlugin(), _ => throw new ArgumentException($"unknown model '{name}'")
    };
    // .NET's one-off JIT compile, outside the timing (as the reference leaves numba's out): one untimed fit and predict.
    using (var warm = model.Fit(data["ItalyPowerDemand"].Train, Arguments(model), Context()))
        warm.PredictProbabilities(data["ItalyPowerDemand"].Test, Context());
    foreach (var set in Published.Sets)
    {
        var split = data[set];
        var times = new List<double>();
        for (int r = 0; r < o.Repeats; r++)
        {
            var context = Context();
            var clock = Stopwatch.StartNew();
            using var trained = model.Fit(split.Train, Arguments(model), context);
            var predicted = trained.PredictProbabilities(split.Test, context).ArgMax();
            times.Add(clock.Elapsed.TotalSeconds);
            if (r == 0) accuracy[(name, set)] = predicted.Zip(split.Test.Labels()).Count(p => p.First == p.Second) / (double)predicted.Length;
        }
        seconds[(name, set)] = Median(times);
        Console.Error.WriteLine($"{name} {set}: accuracy {accuracy[(name, set)]:F4}, median {seconds[(name, set)]:F3} s ({string.Join(", ", times.Select(t => t.ToString("F3")))})");
    }
}
Directory.Delete(work, recursive: true);

JsonElement? reference = o.Reference is null ? null : JsonDocument.Parse(File.ReadAllText(o.Reference)).RootElement;
double RefAccuracy(string set) => reference!.Value.GetProperty("sets").GetProperty(set).GetProperty("accuracy").GetDouble();
double RefSeconds(string set) => reference!.Value.GetProperty("sets").GetProperty(set).GetProperty("seconds").GetDouble();

var md = new StringBuilder();
md.AppendLine($"Test accuracy on the default split, seed 42; seconds = fit + predict (median of {o.Repeats}), {o.Threads} thread(s).");
md.AppendLine();
var header = new StringBuilder("| dataset | published MiniRocket |");
var rule = new StringBuilder("|---|---|");
foreach (var m in o.Models) { header.Append($" {m} |"); rule.Append("---|"); }
if (reference is not null) { header.Append(" numba reference |"); rule.Append("---|"); }
foreach (var m in o.Models) { header.Append($" {m} s |"); rule.Append("---|"); }
if (reference is not null) { header.Append(" reference s |"); rule.Append("---|"); }
md.AppendLine(header.ToString()).AppendLine(rule.ToString());
foreach (var set in Published.Sets)
{
    var row = new StringBuilder($"| {set} | {Published.MiniRocket[set]:F4} |");
    foreach (var m in o.Models) row.Append($" {accuracy[(m, set)]:F4} |");
    if (reference is not null) row.Append($" {RefAccuracy(set):F4} |");
    foreach (var m in o.Models) row.Append($" {seconds[(m, set)]:F3} |");
    if (reference is not null) row.Append($" {RefSeconds(set):F3} |");
    md.AppendLine(row.ToString());
}
var mean = new StringBuilder($"| **mean / total** | {Published.MiniRocket.Values.Average():F4} |");
foreach (var m in o.Models) mean.Append($" {Published.Sets.Average(s => accuracy[(m, s)]):F4} |");
if (reference is not null) mean.Append($" {Published.Sets.Average(RefAccuracy):F4} |");
foreach (var m in o.Models) mean.Append($" {Published.Sets.Sum(s => seconds[(m, s)]):F2} |");
if (reference is not null) mean.Append($" {Published.Sets.Sum(RefSeconds):F2} |");
md.AppendLine(mean.ToString());
var median = new StringBuilder("| median per set | |");
foreach (var m in o.Models) median.Append($" {Median(Published.Sets.Select(s => accuracy[(m, s)]).ToList()):F4} |");
if (reference is not null) median.Append($" {Median(Published.Sets.Select(RefAccuracy).ToList()):F4} |");
foreach (var m in o.Models) median.Append($" {Median(Published.Sets.Select(s => seconds[(m, s)]).ToList()):F3} |");
if (reference is not null) median.Append($" {Median(Published.Sets.Select(RefSeconds).ToList()):F3} |");
md.AppendLine(median.ToString());
md.AppendLine();
foreach (var m in o.Models)
    if (Published.Means.TryGetValue(m, out var published))
        md.AppendLine($"- {m}: mean {Published.Sets.Average(s => accuracy[(m, s)]):F4} vs published {published:F4}; " +
                      $"largest shortfall {Published.Sets.Max(s => (m == "minirocket" ? Published.MiniRocket[s] : double.NaN) - accuracy[(m, s)]):F4}".Replace("NaN", "n/a"));
if (reference is not null && o.Models.Contains("minirocket"))
{
    double ours = Published.Sets.Sum(s => seconds[("minirocket", s)]), theirs = Published.Sets.Sum(RefSeconds);
    md.AppendLine($"- minirocket fit + predict of all 12 sets: {ours:F2} s vs the numba reference {theirs:F2} s: ratio {ours / theirs:F2} " +
                  $"(median per-set ratio {Median(Published.Sets.Select(s => seconds[("minirocket", s)] / RefSeconds(s)).ToList()):F2}); " +
                  $"reference JIT compile {reference.Value.GetProperty("jit_compile_seconds").GetDouble():F1} s excluded");
}
Console.WriteLine(md.ToString());
if (o.Out is not null) File.WriteAllText(o.Out, md.ToString());
return 0;

static double Median(List<double> values)
{
    var s = values.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

static PluginArguments Arguments(IPlugin plugin, params (string Name, object Value)[] values)
{
    var bound = plugin.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
    foreach (var (name, value) in values) bound[name] = value is int i ? (long)i : value;
    return new PluginArguments($"bench ({plugin.Name})", bound);
}

/// <summary>Command-line settings of the benchmark.</summary>
sealed record BenchOptions(string[] Models, int Threads, int Repeats, string Data, string? Reference, string? Out)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(["minirocket", "multirocket", "hydra", "hydra-multirocket"], 2, 3, "/work/shared/datasets/ucr", null, null);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--models" => o with { Models = Value().Split(',') },
                "--threads" => o with { Threads = int.Parse(Value()) },
                "--repeats" => o with { Repeats = int.Parse(Value()) },
                "--data" => o with { Data = Path.GetFullPath(Value()) },
                "--reference" => o with { Reference = Path.GetFullPath(Value()) },
                "--out" => o with { Out = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option {args[i]} (--models A,B --threads N --repeats N --data DIR --reference JSON --out MD)"),
            };
        }
        return o;
    }
}
