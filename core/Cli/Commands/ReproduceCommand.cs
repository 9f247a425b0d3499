using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using YamlDotNet.RepresentationModel;
using LstmFcn.Pipeline.Files;

using LstmFcn.Pipeline.Comparison;
using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Cli.Commands;

/// <summary>
/// <c>lstmfcn reproduce MANIFEST [--epochs E] [--seed S] [--datasets A,B] [--models m,n] [--threads T] [--output PREFIX] [--rerun]</c>:
/// runs every (dataset × model) of a reproduction manifest through the model's pipeline template, each in a fresh
/// process, and keeps a table of test accuracy beside the published values. Finished entries are kept across
/// invocations (same epochs), so a long reproduction can be stopped and continued; <c>--rerun</c> trains the selected
/// entries again and replaces each when its new run finishes. Invocations may run side by side: each writes the
/// table as it finds it on disk plus its own new entries. <c>--seed S</c> overrides the templates' seed and keeps its
/// own table (<c>OUTPUT-seedS</c>), so a seed study leaves the main table as it is and no seed can replace another.
/// </summary>
static class ReproduceCommand
{
    /// <summary>One finished run; <c>Seed</c> is null when the templates' own seed was used.</summary>
    sealed record Entry(string Dataset, string Model, int Epochs, double Accuracy, long? Cells, double WallSeconds, string RunDirectory, int? Seed = null)
    {
        public bool Same(Entry other) => Same(other.Dataset, other.Model, other.Epochs, other.Seed);
        public bool Same(string dataset, string model, int epochs, int? seed) =>
            Dataset == dataset && Model == model && Epochs == epochs && Seed == seed;
    }

    /// <summary><c>AlsoPublished</c>: further published columns shown beside the paper's (label → dataset → value),
    /// e.g. the authors' own figures after a protocol fix; a dataset a column lacks shows "–".</summary>
    sealed record Manifest(string DataRoot, string Output, Dictionary<string, string> Models, string ReferenceModel,
        List<(string Dataset, double Paper)> Paper, List<(string Label, Dictionary<string, double> Values)> AlsoPublished);

    public static int Execute(CommandLine cl)
    {
        if (cl.Positional.Count != 1) throw new UsageException("usage: lstmfcn reproduce MANIFEST.yaml [--epochs E] [--seed S] [--datasets A,B] [--models m,n] [--threads T] [--rerun] [--output PREFIX]");
        var manifestPath = Path.GetFullPath(cl.Positional[0]);
        var manifest = ReadManifest(manifestPath);
        int? epochs = IntOption(cl, "--epochs", min: 1);
        int? seed = IntOption(cl, "--seed", min: 0);
        var datasets = Filter(cl, "--datasets", manifest.Paper.Select(p => p.Dataset));
        var models = Filter(cl, "--models", manifest.Models.Keys);
        var prefix = cl.Options.GetValueOrDefault("--output")
                     ?? Path.Combine(Path.GetDirectoryName(manifestPath)!, manifest.Output + (seed is { } s ? $"-seed{s}" : ""));
        // Runs are told apart by their epochs: those asked for, else each template's own (what its model declares).
        int epochsKey = epochs ?? TemplateEpochs(manifest, datasets.FirstOrDefault() ?? manifest.Paper[0].Dataset, cl);

        bool rerun = cl.Options.ContainsKey("--rerun");
        var earlier = LoadEntries(prefix + ".json");
        var produced = new List<Entry>();
        var started = Stopwatch.StartNew();
        foreach (var dataset in datasets)
            foreach (var model in models)
            {
                if (!rerun && earlier.Any(x => x.Same(dataset, model, epochsKey, seed)))
                {
                    Console.WriteLine($"{dataset} / {model}: done earlier, kept (--rerun trains it again)");
                    continue;
                }
                var entry = RunOne(manifest, dataset, model, epochs, epochsKey, seed, cl);
                produced.Add(entry);
                Write(prefix, manifest, produced, epochsKey, seed, manifestPath, cl);
                Console.WriteLine($"{dataset} / {model}: accuracy {entry.Accuracy:F4} (paper {manifest.Paper.First(p => p.Dataset == dataset).Paper:F4}), " +
                                  $"cells {entry.Cells?.ToString() ?? "-"}, {entry.WallSeconds:F0} s");
            }
        Write(prefix, manifest, produced, epochsKey, seed, manifestPath, cl);
        Console.WriteLine($"Wrote {prefix}.md ({started.Elapsed.TotalMinutes:F1} min this invocation)");
        return 0;
    }

    static int? IntOption(CommandLine cl, string option, int min)
    {
        if (!cl.Options.TryGetValue(option, out var text)) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UsageException($"{option}: expected a whole number ≥ {min}, found '{text}'");
        return value;
    }

    static Entry RunOne(Manifest manifest, string dataset, string model, int? epochs, int epochsKey, int? seed, CommandLine cl)
    {
        var args = new List<string> { "run", manifest.Models[model], "--quiet" };
        foreach (var assignment in DatasetOverrides(manifest, dataset, model)) { args.Add("--set"); args.Add(assignment); }
        if (epochs is { } ep) { args.Add("--set"); args.Add($"model.with.epochs={ep}"); }
        if (seed is { } s) { args.Add("--set"); args.Add($"seed={s}"); }
        if (cl.Options.TryGetValue("--threads", out var t)) { args.Add("--set"); args.Add($"threads={t}"); }
        foreach (var f in cl.PluginFolders) { args.Add("--plugins"); args.Add(f); }
        if (cl.AllowPlugins) args.Add("--allow-plugins");

        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = SelfProcess.Run(args);
        if (exit != 0) throw new InvalidOperationException($"reproduce: {dataset} / {model} failed (exit {exit}): {stderr.Trim()}");
        var runDir = stdout.Trim().Split('\n').Last().Trim();
        var scores = RunScores.Read(runDir, out var missing)
                     ?? throw new InvalidOperationException($"reproduce: {dataset} / {model} scored nothing ({missing}); see {runDir}");
        // The cells a model chose among candidates, as it reported them (scores.json's "selected").
        long? cells = scores.Selected.TryGetValue("cells", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : null;
        return new Entry(dataset, model, epochsKey, scores.Accuracy, cells, clock.Elapsed.TotalSeconds, runDir, seed);
    }

    /// <summary>
    /// The epochs the manifest's templates train for, read from their resolved model arguments (every template of a
    /// manifest trains the same number; a model without an epochs parameter counts as 0).
    /// </summary>
    static int TemplateEpochs(Manifest manifest, string dataset, CommandLine cl)
    {
        var catalog = PipelineLoading.Catalog(cl);
        var counts = manifest.Models.Select(entry =>
        {
            var doc = PipelineDocument.Load(entry.Value);
            foreach (var assignment in DatasetOverrides(manifest, dataset, entry.Key)) doc.ApplyOverride(assignment);
            var pipeline = PipelineResolver.Resolve(PipelineReader.Read(doc), catalog);
            return pipeline.Model?.Arguments.Values.TryGetValue("epochs", out var e) == true && e is long n ? (int)n : 0;
        }).Distinct().ToList();
        if (counts.Count > 1)
            throw new UsageException($"the manifest's templates train for different epochs ({string.Join(", ", counts)}); give --epochs");
        return counts.Count == 0 ? 0 : counts[0];
    }

    /// <summary>What turns a template into the run of one dataset: its name and the dataset's train and test files.</summary>
    static IEnumerable<string> DatasetOverrides(Manifest manifest, string dataset, string model)
    {
        var dir = Path.Combine(manifest.DataRoot, dataset);
        yield return $"name={dataset}-{model}";
        yield return $"loader.with.train={Path.Combine(dir, dataset + "_TRAIN.tsv")}";
        yield return $"loader.with.test={Path.Combine(dir, dataset + "_TEST.tsv")}";
    }

    static void Write(string prefix, Manifest manifest, List<Entry> produced, int epochs, int? seed, string manifestPath, CommandLine cl)
    {
        // Invocations may run side by side (one thread each): start from the table as it is on disk now, with what
        // the others wrote meanwhile, and put in only this invocation's own results.
        var entries = LoadEntries(prefix + ".json");
        foreach (var mine in produced)
        {
            entries.RemoveAll(mine.Same);
            entries.Add(mine);
        }
        var models = manifest.Models.Keys.ToList();
        var md = new StringBuilder();
        // Templates without an epochs parameter (ensembles, rockets) count as 0: say so rather than "0 epochs".
        md.AppendLine($"# Reproduction: {Path.GetFileNameWithoutExtension(manifestPath)} " +
                      (epochs > 0 ? $"({epochs} epochs)" : "(epochs as each template declares)")).AppendLine();
        bool cellsChosen = entries.Any(en => en.Cells is not null);
        md.AppendLine($"Command: `lstmfcn reproduce {Path.GetRelativePath(BenchCommand.RepoRoot(), manifestPath)}" +
                      $"{(cl.Options.TryGetValue("--epochs", out var e) ? $" --epochs {e}" : "")}{(seed is { } s ? $" --seed {s}" : "")}` — " +
                      $"{(seed is { } s2 ? $"seed {s2}" : TemplateSeeds(manifest))}, " +
                      $"{Environment.ProcessorCount} cores. Test accuracy; the paper column is Table I ({manifest.ReferenceModel}). " +
                      (cellsChosen ? "Cells are chosen by a validation split of the training set; the test set selects nothing." : "The test set selects nothing.") +
                      (manifest.AlsoPublished.Count > 0 ? " The columns between the paper's and the models' are further published figures (the manifest's `also_published`)." : ""))
          .AppendLine();
        md.Append("| dataset | paper |");
        foreach (var (label, _) in manifest.AlsoPublished) md.Append($" {label} |");
        foreach (var m in models) md.Append($" {m} | cells | wall s |");
        md.AppendLine();
        md.Append("|---|---|");
        foreach (var _ in manifest.AlsoPublished) md.Append("---|");
        foreach (var _ in models) md.Append("---|---|---|");
        md.AppendLine();
        foreach (var (dataset, paper) in manifest.Paper)
        {
            md.Append($"| {dataset} | {paper:F4} |");
            foreach (var (_, values) in manifest.AlsoPublished)
                md.Append(values.TryGetValue(dataset, out var v) ? $" {v:F4} |" : " – |");
            foreach (var m in models)
            {
                var x = entries.FirstOrDefault(en => en.Same(dataset, m, epochs, seed));
                md.Append(x is null ? " – | | |" : $" {x.Accuracy:F4} | {x.Cells?.ToString() ?? ""} | {x.WallSeconds:F0} |");
            }
            md.AppendLine();
        }
        md.Append("| **mean** |");
        md.Append($" {manifest.Paper.Average(p => p.Paper):F4} |");
        foreach (var (_, values) in manifest.AlsoPublished)
            md.Append(values.Count == manifest.Paper.Count ? $" {values.Values.Average():F4} |"
                                                           : $" {values.Values.Average():F4} ({values.Count}/{manifest.Paper.Count} sets) |");
        foreach (var m in models)
        {
            var done = entries.Where(en => en.Same(en.Dataset, m, epochs, seed)).ToList();
            var paperOfDone = manifest.Paper.Where(p => done.Any(d => d.Dataset == p.Dataset)).Select(p => p.Paper).ToList();
            md.Append(done.Count == 0 ? " – | | |" :
                $" {done.Average(d => d.Accuracy):F4} ({done.Count}/{manifest.Paper.Count} sets; paper on those {paperOfDone.Average():F4}) | | {done.Sum(d => d.WallSeconds):F0} |");
        }
        md.AppendLine();
        AtomicFile.WriteText(prefix + ".md", md.ToString());
        AtomicFile.WriteText(prefix + ".json", JsonSerializer.Serialize(entries, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>"seed 42 (the templates')", read from the model templates rather than assumed.</summary>
    static string TemplateSeeds(Manifest manifest)
    {
        var seeds = manifest.Models.Values.Select(template =>
            RootMapping(template).Children.TryGetValue(new YamlScalarNode("seed"), out var v) && v is YamlScalarNode s ? s.Value : null)
            .Distinct().ToList();
        return seeds is [{ } one] ? $"seed {one} (the templates')" : "the templates' seeds";
    }

    static List<Entry> LoadEntries(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(path)) ?? new() : new();

    static List<string> Filter(CommandLine cl, string option, IEnumerable<string> all)
    {
        var list = all.ToList();
        if (!cl.Options.TryGetValue(option, out var wanted)) return list;
        var chosen = wanted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var c in chosen.Where(c => !list.Contains(c)))
            throw new UsageException($"{option}: '{c}' is not in the manifest ({string.Join(", ", list)})");
        return list.Where(chosen.Contains).ToList();
    }

    static YamlMappingNode RootMapping(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static Manifest ReadManifest(string path)
    {
        var root = RootMapping(path);
        var dir = Path.GetDirectoryName(path)!;
        string Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s && s.Value is { } text
            ? text : throw new UsageException($"{path}: missing '{key}'");
        var models = ((YamlMappingNode)root.Children[new YamlScalarNode("models")]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Path.GetFullPath(Path.Combine(dir, ((YamlScalarNode)kv.Value).Value!)));
        if (!root.Children.TryGetValue(new YamlScalarNode("paper"), out var paperNode))
            throw new UsageException($"{path}: missing 'paper'");
        var paper = Accuracies(path, "paper", paperNode);
        var also = new List<(string, Dictionary<string, double>)>();
        if (root.Children.TryGetValue(new YamlScalarNode("also_published"), out var alsoNode))
        {
            if (alsoNode is not YamlMappingNode columns)
                throw new UsageException($"{path}, line {alsoNode.Start.Line}: 'also_published' must map a column label to dataset: accuracy pairs");
            foreach (var (key, node) in columns.Children)
            {
                var label = ((YamlScalarNode)key).Value!;
                var values = Accuracies(path, $"also_published '{label}'", node).ToDictionary(a => a.Dataset, a => a.Accuracy);
                foreach (var unknown in values.Keys.Where(d => !paper.Any(p => p.Dataset == d)))
                    throw new UsageException($"{path}: also_published '{label}': '{unknown}' is not a dataset of 'paper' ({string.Join(", ", paper.Select(p => p.Dataset))})");
                also.Add((label, values));
            }
        }
        return new Manifest(Path.GetFullPath(Path.Combine(dir, Scalar("data"))), Scalar("output"), models, Scalar("reference_model"), paper, also);
    }

    /// <summary>A mapping of dataset names to accuracies in [0, 1], in file order; errors name the file, line and key.</summary>
    static List<(string Dataset, double Accuracy)> Accuracies(string path, string what, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
            throw new UsageException($"{path}, line {node.Start.Line}: '{what}' must map dataset names to accuracies");
        var list = new List<(string Dataset, double Accuracy)>();
        foreach (var (key, value) in mapping.Children)
        {
            var dataset = ((YamlScalarNode)key).Value!;
            if (value is not YamlScalarNode { Value: { } text }
                || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var accuracy) || accuracy is < 0 or > 1)
                throw new UsageException($"{path}, line {value.Start.Line}: {what}: '{dataset}' must be an accuracy between 0 and 1");
            list.Add((dataset, accuracy));
        }
        return list;
    }
}
