using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Scoring;

namespace LstmFcn.Plugins.Reports;

/// <summary>
/// <c>report</c>: a run report for people — <c>report.html</c> (one self-contained file, plots inlined),
/// <c>report.md</c> and the plots as PNGs in <c>report/</c>: pipeline, data summary, metrics, confusion matrix,
/// per-class F1, training curves, class activation maps, attention, feature importance, map quicklook and map accuracy
/// (the accuracy verb's error matrix, user's/producer's accuracy and areas with 95 % intervals), each where the run has it. Put it last in <c>report:</c> so files written by earlier reporters (e.g. a map) are included.
/// </summary>
public sealed class RunReporter : ReporterPlugin<RunReporter.Options>
{
    public sealed record Options : PluginOptions
    {
        [Parameter("run-relative folder for the PNG plots (report.md links to them)", Path = PathKind.RunOutput)]
        public string Folder { get; init; } = "report";

        [Parameter("test series shown with their class activation map (models that give maps; 0: none)", Min = 0, Max = 50)]
        public int CamSeries { get; init; } = 4;

        [Parameter("report title; default: the pipeline's name")]
        public string? Title { get; init; }

        /// <summary>The plots' folder as report.md links it: no leading or trailing slash.</summary>
        internal string PlotFolder => Folder.Trim('/');

    }

    public override string Name => "report";
    public override string Description => "report.html (self-contained) + report.md with plots: metrics, confusion matrix, training curves, CAM, attention, importance, map";

    static string F(double v, string format = "0.0000") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);
    static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    protected override void Report(RunOutcome outcome, Options options, RunContext context)
    {
        var folder = options.PlotFolder;
        var doc = new ReportDocument(options.Title ?? $"Run report: {outcome.PipelineName}");
        int plots = 0;
        void Plot(string name, byte[] png, string caption)
        {
            var relative = $"{folder}/{name}.png";
            context.Artifacts.Write(relative, stream => stream.Write(png));
            doc.AddImage(relative, png, caption);
            plots++;
        }

        var dataset = outcome.Train.Metadata.GetValueOrDefault(DatasetMetadata.Name);
        var model = ModelName(context.RunDirectory);
        doc.AddParagraph((dataset is null ? "" : $"Dataset {dataset} · ") + (model is null ? "" : $"model {model} · ") +
                         $"run directory {context.RunDirectory} · evaluation: {outcome.Evaluation} · fit {outcome.FitTime.TotalSeconds:F1} s, " +
                         $"predict {outcome.PredictTime.TotalSeconds:F1} s · seed {context.Seed} · written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        AddDataSummary(doc, outcome);

        var classes = outcome.TestProbabilities.Classes.Names;
        ClassificationMetrics? scores = null;
        if (outcome.Test.Count > 0 && outcome.Test.Samples.Any(s => s.Label >= 0))
        {
            scores = new ClassificationMetrics(outcome.Test.Labels(), outcome.TestProbabilities.ArgMax(), classes.Count);
            AddMetrics(doc, outcome, scores, classes);
            Plot("confusion-matrix", RunCharts.ConfusionMatrix(scores, classes),
                "Confusion matrix: rows are true classes, columns predicted; numbers are counts, colour the share of the row.");
            Plot("class-f1", RunCharts.ClassF1(scores, classes), "F1 per class, with the number of test series of each class.");
        }
        else doc.AddParagraph("No labelled test series: nothing scored.");

        var epochs = outcome.Model.History.Epochs;
        if (epochs.Count > 0)
        {
            doc.AddHeading("Training");
            var last = epochs[^1];
            doc.AddParagraph($"{epochs.Count} epochs; last epoch: loss {F(last.TrainLoss)}, accuracy {F(last.TrainAccuracy)}" +
                             (double.IsNaN(last.ValidationLoss) ? "" : $", validation loss {F(last.ValidationLoss)}, validation accuracy {F(last.ValidationAccuracy)}") +
                             $", learning rate {last.LearningRate.ToString("G3", CultureInfo.InvariantCulture)}.");
            Plot("training-loss", RunCharts.EpochCurves("Loss per epoch", "loss", epochs, e => e.TrainLoss, e => e.ValidationLoss),
                "Training loss (and validation loss where a split of train was held out).");
            Plot("training-accuracy", RunCharts.EpochCurves("Accuracy per epoch", "accuracy", epochs, e => e.TrainAccuracy, e => e.ValidationAccuracy),
                "Training accuracy (and validation accuracy where measured).");
            Plot("learning-rate", RunCharts.EpochCurves("Learning rate per epoch", "learning rate", epochs, e => e.LearningRate, null, logScale: true),
                "Learning rate: drops show the plateau schedule (or fine-tuning rounds).");
        }

        AddActivationMaps(doc, outcome, options.CamSeries, context, Plot);
        AddRunFiles(doc, context, Plot);

        var resolved = Path.Combine(context.RunDirectory, "pipeline.resolved.yaml");
        if (File.Exists(resolved))
        {
            doc.AddHeading("Pipeline");
            doc.AddPreformatted(File.ReadAllText(resolved));
        }

        context.Artifacts.WriteText("report.html", doc.ToHtml());
        context.Artifacts.WriteText("report.md", doc.ToMarkdown());
        context.Log.Info($"report: wrote report.html and report.md with {plots} plot(s) ({folder}/)");
    }

    /// <summary>The model plugin as run.json names it (the engine writes it when the run starts).</summary>
    static string? ModelName(string runDirectory)
    {
        var path = Path.Combine(runDirectory, "run.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.TryGetProperty("model", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.String ? m.GetString() : null;
        }
        catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
    }

    static void AddDataSummary(ReportDocument doc, RunOutcome outcome)
    {
        doc.AddHeading("Data");
        var names = outcome.Train.Classes.Names;
        bool pooled = ReferenceEquals(outcome.Train, outcome.Test);
        var trainCounts = outcome.Train.ClassCounts();
        var testCounts = outcome.Test.ClassCounts();
        string Lengths(TimeSeriesDataset d) => d.Count == 0 ? "–" : d.IsEqualLength ? I(d.MaxLength) : $"{d.MinLength}..{d.MaxLength}";
        var present = trainCounts.Where(c => c > 0).ToArray();
        double imbalance = present.Length == 0 ? double.NaN : present.Max() / (double)present.Min();
        bool noTest = outcome.Test.Count == 0;
        string shape = $"{names.Count} classes, {outcome.Train.Channels} channel(s)";
        doc.AddParagraph(pooled
            ? $"{outcome.Train.Count} series (train and test pooled for {outcome.Evaluation}), {shape}, length {Lengths(outcome.Train)}, as loaded (each fold prepares its own)."
            : noTest
                ? $"{outcome.Train.Count} training series and no test set, {shape}, length {Lengths(outcome.Train)}, as the model saw them after preprocessing."
                : $"{outcome.Train.Count} training and {outcome.Test.Count} test series, {shape}, length {Lengths(outcome.Train)} (train) / " +
                  $"{Lengths(outcome.Test)} (test), as the model saw them after preprocessing.");
        doc.AddParagraph($"Imbalance (largest / smallest class in {(pooled ? "the data" : "train")}): {F(imbalance, "0.00")}.");
        var rows = names.Select((n, c) => (IReadOnlyList<string>)(pooled || noTest
            ? new[] { n, I(trainCounts[c]), F(trainCounts[c] / (double)Math.Max(1, outcome.Train.Count), "0.0%") }
            : new[] { n, I(trainCounts[c]), F(trainCounts[c] / (double)Math.Max(1, outcome.Train.Count), "0.0%"), I(testCounts[c]) })).ToList();
        doc.AddTable(pooled || noTest ? new[] { "class", pooled ? "series" : "train", "share" } : new[] { "class", "train", "train share", "test" }, rows, "Series per class");
    }

    static void AddMetrics(ReportDocument doc, RunOutcome outcome, ClassificationMetrics m, IReadOnlyList<string> classes)
    {
        doc.AddHeading(outcome.Evaluation == "holdout" ? "Test metrics" : $"Metrics ({outcome.Evaluation}, out-of-fold)");
        doc.AddTable(new[] { "metric", "value" }, new IReadOnlyList<string>[]
        {
            new[] { "accuracy", F(m.Accuracy) },
            new[] { "error", F(1 - m.Accuracy) },
            new[] { "per-class error (MPCE term: error / classes)", F((1 - m.Accuracy) / classes.Count) },
            new[] { "macro F1", F(m.MacroF1) },
            new[] { "balanced accuracy", F(m.BalancedAccuracy) },
            new[] { "scored series", I(m.Count) },
        });
        doc.AddTable(new[] { "class", "precision", "recall", "F1", "support" },
            classes.Select((n, c) => (IReadOnlyList<string>)new[] { n, F(m.Precision[c]), F(m.Recall[c]), F(m.F1[c]), I(m.Support[c]) }).ToList(),
            "Per class");
        if (classes.Count <= 12)
            doc.AddTable(new[] { "true \\ predicted" }.Concat(classes).ToList(),
                classes.Select((n, r) => (IReadOnlyList<string>)new[] { n }.Concat(classes.Select((_, c) => I(m.Confusion[r, c]))).ToList()).ToList(),
                "Confusion matrix (rows: true, columns: predicted)");
    }

    /// <summary>
    /// CAM of the predicted class for a few test series, taken round-robin over the true classes so every class is
    /// shown before any is shown twice.
    /// </summary>
    static void AddActivationMaps(ReportDocument doc, RunOutcome outcome, int count, RunContext context, Action<string, byte[], string> plot)
    {
        if (count == 0 || outcome.Test.Count == 0 || outcome.Model is not IClassActivationMaps cam) return;
        doc.AddHeading("Class activation maps");
        if (cam.ClassActivationUnavailableReason is { } reason)
        {
            doc.AddParagraph($"Not available for this model: {reason}.");
            return;
        }
        var queues = outcome.Test.Samples.Select((s, i) => (s, i)).GroupBy(x => x.s.Label).OrderBy(g => g.Key)
            .Select(g => new Queue<int>(g.Select(x => x.i))).ToList();
        var chosen = new List<int>();
        while (chosen.Count < count && queues.Any(q => q.Count > 0))
            foreach (var q in queues)
                if (q.Count > 0 && chosen.Count < count) chosen.Add(q.Dequeue());
        // Holdout: the test set as the model predicted it (prepared) and its predictions. Cross-validation: reporters
        // get the raw pooled series, so the final pipeline prepares them, and the map is the true class's (predicting
        // would re-run the model's side outputs, e.g. ALSTM's attention.csv, on these few series).
        var subset = outcome.Test.WithSamples(chosen.Select(i => outcome.Test.Samples[i]).ToList());
        int[] shownClasses;
        string whose;
        if (outcome.Evaluation == "holdout")
        {
            var all = outcome.TestProbabilities.ArgMax();
            shownClasses = chosen.Select(i => all[i]).ToArray();
            whose = "the predicted class";
        }
        else if (outcome.Pipeline is { } final)
        {
            shownClasses = subset.Labels();
            subset = final.Prepare(subset);
            whose = "the true class, from the final model (fitted on all series, these included)";
        }
        else
        {
            doc.AddParagraph("Not shown: cross-validation without a final fit leaves no model to explain.");
            return;
        }
        var maps = cam.ClassActivationMaps(subset, shownClasses, context);
        doc.AddParagraph($"Class activation map (Zhou et al. 2016) of {whose}: the last conv block's activations weighted by the " +
                         "output weights of the pooled conv features. Its mean over time is the conv branch's share of that class's logit.");
        var names = outcome.Test.Classes.Names;
        for (int j = 0; j < chosen.Count; j++)
        {
            var s = subset.Samples[j];
            var truth = s.Label >= 0 ? names[s.Label] : "unlabelled";
            var title = $"{s.Id}: true {truth}, map of class {names[shownClasses[j]]}";
            plot($"cam-{j + 1}", RunCharts.ActivationMap(s, maps[j], title), $"CAM of series {s.Id}: true class {truth}, map of class {names[shownClasses[j]]}.");
        }
    }

    static void AddRunFiles(ReportDocument doc, RunContext context, Action<string, byte[], string> plot)
    {
        AddModelFiles(doc, context.RunDirectory, "", plot);
        // An ensemble's models keep their files in members/<n>-<plugin>/: one section each.
        var members = Path.Combine(context.RunDirectory, "members");
        if (Directory.Exists(members))
            foreach (var folder in Directory.GetDirectories(members).OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                doc.AddHeading($"Ensemble model {name}");
                var history = Path.Combine(folder, "history.csv");
                if (File.Exists(history) && RunFiles.ReadHistory(history) is { Count: > 0 } epochs)
                {
                    doc.AddParagraph($"{epochs.Count} epochs (or iterations); last: loss {F(epochs[^1].TrainLoss)}, accuracy {F(epochs[^1].TrainAccuracy)}.");
                    plot($"{name}-training-loss", RunCharts.EpochCurves($"{name}: loss per epoch", "loss", epochs, e => e.TrainLoss, e => e.ValidationLoss),
                        $"Training loss of {name} (from members/{name}/history.csv).");
                }
                AddModelFiles(doc, folder, name, plot);
            }

        var quicklook = Path.Combine(context.RunDirectory, "map", "quicklook.png");
        if (File.Exists(quicklook))
        {
            doc.AddHeading("Map");
            var files = Directory.GetFiles(Path.Combine(context.RunDirectory, "map"), "*.tif").Select(Path.GetFileName).OrderBy(n => n);
            doc.AddParagraph($"Files in map/: {string.Join(", ", files)}.");
            doc.AddImage("map/quicklook.png", File.ReadAllBytes(quicklook), "Class map quicklook (map/quicklook.png, written by cube-label).");
        }
        MapAccuracySection.Add(doc, context.RunDirectory, plot);
    }

    /// <summary>The files a model leaves (attention, feature importance) in <paramref name="folder"/>; plots named after <paramref name="member"/>.</summary>
    static void AddModelFiles(ReportDocument doc, string folder, string member, Action<string, byte[], string> plot)
    {
        var prefix = member.Length == 0 ? "" : member + "-";
        var whose = member.Length == 0 ? "" : $" ({member})";
        var attention = Path.Combine(folder, "attention.csv");
        if (File.Exists(attention))
        {
            var (kind, rows) = RunFiles.ReadAttention(attention);
            if (rows.Count > 0)
            {
                doc.AddHeading("Attention (ALSTM)" + whose);
                doc.AddParagraph($"From attention.csv: {kind}, over {rows.Count} test series.");
                plot(prefix + "attention", RunCharts.MeanProfile("ALSTM " + kind, kind.Contains("time") ? "time step" : "feature (channel × time)", "value", rows),
                    $"Mean ALSTM {kind} across the test series, with ± one standard deviation.");
            }
        }
        var importance = Path.Combine(folder, "feature-importance.csv");
        if (File.Exists(importance))
        {
            var (channels, timeNames) = RunFiles.ReadImportance(importance);
            doc.AddHeading("Feature importance" + whose);
            var top = channels.SelectMany(c => c.Values.Select((v, t) => (Name: $"{c.Channel} @ {timeNames[t]}", Value: v)))
                .OrderByDescending(x => x.Value).Take(10).ToList();
            plot(prefix + "feature-importance", RunCharts.ImportanceCurves(channels, timeNames),
                "Importance of every channel at every time step (from feature-importance.csv: impurity decrease for a forest, split gain for boosting).");
            doc.AddTable(new[] { "feature", "importance" }, top.Select(x => (IReadOnlyList<string>)new[] { x.Name, F(x.Value) }).ToList(), "Ten most important features");
        }
    }
}
