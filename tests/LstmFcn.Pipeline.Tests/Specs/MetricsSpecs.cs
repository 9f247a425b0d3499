using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The <c>metrics</c> reporter scores test predictions: accuracy, error, the MPCE term, per-class precision, recall
/// and F1 (zero where undefined, like scikit-learn's zero_division=0), macro-F1, balanced accuracy and the
/// confusion matrix (rows true, columns predicted), written to metrics.json.
/// </summary>
public sealed class MetricsSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    sealed class FixedModel : ITrainedModel
    {
        public FixedModel(ClassLabels classes) => Classes = classes;
        public ClassLabels Classes { get; }
        public TrainingHistory History { get; } = new();
        public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context) => throw new NotSupportedException();
        public void Save(string directory) => throw new NotSupportedException();
        public void Dispose() { }
    }

    /// <summary>Reports on test series with the given true labels, predicted as given (probability 1 on the prediction).</summary>
    JsonElement Report(string[] classNames, int[] truth, int[] predicted, params (string, object?)[] args)
    {
        var classes = new ClassLabels(classNames);
        var test = new TimeSeriesDataset(truth.Select((t, i) => new TimeSeriesSample($"t{i}", new float[] { i }, 1, t)).ToList(), classes);
        var train = new TimeSeriesDataset(new[] { new TimeSeriesSample("r0", new float[] { 0 }, 1, 0) }, classes);
        var probabilities = new float[truth.Length * classes.Count];
        for (int i = 0; i < predicted.Length; i++) probabilities[i * classes.Count + predicted[i]] = 1;
        var model = new FixedModel(classes);
        for (int e = 1; e <= 3; e++) model.History.Add(new EpochRecord(e, 1.0 / e, 0.5, double.NaN, double.NaN, 1e-3, 0.1));
        var outcome = new RunOutcome("spec", train, test, new ProbabilityMatrix(probabilities, truth.Length, classes), model,
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

        var reporter = Plugins.Reporter("metrics");
        reporter.Report(outcome, Plugins.Arguments(reporter, args), Plugins.Context(_temp.Path));

        var file = args.FirstOrDefault(a => a.Item1 == "file").Item2 as string ?? "metrics.json";
        return JsonDocument.Parse(File.ReadAllText(_temp[file])).RootElement;
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    static double[] Column(JsonElement metrics, string name) =>
        metrics.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty(name).GetDouble()).ToArray();

    [Fact]
    public void Metrics_score_predictions_against_true_labels()
    {
        var m = Report(new[] { "a", "b" }, truth: new[] { 0, 0, 1, 1, 1 }, predicted: new[] { 0, 1, 1, 1, 0 }, ("print", false));

        Assert.Equal("spec", m.GetProperty("pipeline").GetString());
        Assert.Equal(5, m.GetProperty("test_samples").GetInt32());
        Assert.Equal(0.6, m.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(0.4, m.GetProperty("error").GetDouble(), 12);
        Assert.Equal(0.2, m.GetProperty("per_class_error").GetDouble(), 12);
        AssertClose(new[] { 1 / 2.0, 2 / 3.0 }, Column(m, "precision"));
        AssertClose(new[] { 1 / 2.0, 2 / 3.0 }, Column(m, "recall"));
        AssertClose(new[] { 1 / 2.0, 2 / 3.0 }, Column(m, "f1"));
        Assert.Equal(new[] { 2.0, 3.0 }, Column(m, "support"));
        Assert.Equal((0.5 + 2 / 3.0) / 2, m.GetProperty("macro_f1").GetDouble(), 12);
        Assert.Equal((0.5 + 2 / 3.0) / 2, m.GetProperty("balanced_accuracy").GetDouble(), 12);
        Assert.Equal(2.0, m.GetProperty("fit_seconds").GetDouble());
        Assert.Equal(3, m.GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void The_confusion_matrix_has_true_classes_as_rows()
    {
        var m = Report(new[] { "x", "y", "z" }, truth: new[] { 0, 0, 0, 1, 2, 2 }, predicted: new[] { 0, 2, 2, 1, 1, 2 }, ("print", false));

        var confusion = m.GetProperty("confusion_matrix");
        Assert.Equal(new[] { "x", "y", "z" }, confusion.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("true class", confusion.GetProperty("rows_are").GetString());
        var counts = confusion.GetProperty("counts").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(new[] { new[] { 1, 0, 2 }, new[] { 0, 1, 0 }, new[] { 0, 1, 1 } }, counts);
    }

    [Fact]
    public void A_class_never_predicted_has_precision_zero_and_an_absent_class_does_not_count_in_macro_averages()
    {
        // Class "c" is never the truth; class "b" is never predicted.
        var m = Report(new[] { "a", "b", "c" }, truth: new[] { 0, 0, 1, 1 }, predicted: new[] { 0, 0, 0, 2 }, ("print", false));

        AssertClose(new[] { 2 / 3.0, 0, 0 }, Column(m, "precision"));
        AssertClose(new[] { 1.0, 0, 0 }, Column(m, "recall"));
        AssertClose(new[] { 0.8, 0, 0 }, Column(m, "f1"));
        // Macro-F1 and balanced accuracy average over the classes present in the truth (a and b), not over c.
        Assert.Equal((0.8 + 0) / 2, m.GetProperty("macro_f1").GetDouble(), 12);
        Assert.Equal((1.0 + 0) / 2, m.GetProperty("balanced_accuracy").GetDouble(), 12);
        Assert.Equal(0.5 / 3, m.GetProperty("per_class_error").GetDouble(), 12);
    }

    [Fact]
    public void Unlabelled_test_series_are_predicted_but_not_scored()
    {
        var m = Report(new[] { "a", "b" }, truth: new[] { 0, TimeSeriesSample.Unlabelled, 1 }, predicted: new[] { 0, 0, 0 }, ("print", false));

        Assert.Equal(2, m.GetProperty("test_samples").GetInt32());
        Assert.Equal(0.5, m.GetProperty("accuracy").GetDouble(), 12);
    }

    [Fact]
    public void Metrics_go_to_the_file_the_step_names()
    {
        var m = Report(new[] { "a", "b" }, new[] { 0, 1 }, new[] { 0, 1 }, ("file", "scores/test.json"), ("print", false));

        Assert.Equal(1.0, m.GetProperty("accuracy").GetDouble());
        Assert.False(File.Exists(_temp["metrics.json"]));
    }

    [Fact]
    public void Printed_metrics_go_to_the_run_log_as_tables()
    {
        var classes = new ClassLabels(new[] { "a", "b" });
        var test = new TimeSeriesDataset(new[] { new TimeSeriesSample("t", new float[] { 1 }, 1, 1) }, classes);
        var outcome = new RunOutcome("printed", test, test, new ProbabilityMatrix(new float[] { 0.25f, 0.75f }, 1, classes),
            new FixedModel(classes), TimeSpan.Zero, TimeSpan.Zero);
        var reporter = Plugins.Reporter("metrics");
        var logPath = _temp["run.log"];
        using (var log = new Engine.Running.RunLog(logPath, Engine.Running.SilentConsole.Instance))
        {
            var context = new RunContext(1, ComputeDevice.Cpu, _temp.Path, log, Engine.Running.NoProgress.Instance,
                Engine.Outputs.RunDirectory.Open(_temp.Path));
            reporter.Report(outcome, Plugins.Arguments(reporter), context);
        }

        var text = File.ReadAllText(logPath);
        Assert.Contains("printed: test metrics", text);
        Assert.Contains("confusion matrix (rows: true, columns: predicted)", text);
        Assert.Matches(@"accuracy\s+1\.0000", text);
    }
}
