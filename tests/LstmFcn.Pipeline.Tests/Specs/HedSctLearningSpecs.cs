using System.Text.Json;
using LstmFcn.Pipeline.Engine.Running;
using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Samples.HedSynthetic;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The committed pipeline <c>pipelines/hed-sct.yaml</c>, run by the engine on SYNTHETIC spectra written in the real
/// .xy layout (only the data path, the output and the budget are overridden): SCT attention learns the two phases from
/// 31 labelled shots and finds the boundary of all 349 with full confidence, and the insight files are written.
/// </summary>
[Collection(LibTorchCollection.Name)]
public sealed class HedSctLearningSpecs : IClassFixture<HedSctLearningSpecs.SctRun>
{
    public sealed class SctRun : IDisposable
    {
        public TempFolder Temp { get; } = new();
        public RunResult Result { get; }

        public SctRun()
        {
            SyntheticSpectra.WriteXy(Temp["xy"], new SyntheticSpectraOptions());
            Result = PipelineFiles.Run(Path.Combine(Repo.Pipelines, "hed-sct.yaml"), null,
                $"loader.with.data={Temp["xy"]}", $"output={Temp["runs"]}", $"report.1.with.table={Temp["comparison"]}",
                "threads=1", "preprocess.3.with.copies=10", "model.with.epochs=15");
        }

        public void Dispose() => Temp.Dispose();
    }

    readonly SctRun _run;
    public HedSctLearningSpecs(SctRun run) => _run = run;

    JsonElement Confidence() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Result.RunDirectory, "phase-confidence.json"))).RootElement;

    [Fact]
    public void Sct_attention_finds_the_synthetic_phase_boundary_with_full_confidence()
    {
        var r = Confidence();

        Assert.Equal(349, r.GetProperty("Total").GetInt32());
        Assert.Equal(1.0, r.GetProperty("Confidence").GetDouble());
        // A clean split, at the synthetic transition (position 185 is the first phase-1 shot) give or take a shot.
        int c0 = r.GetProperty("C0Upper").GetInt32(), c1 = r.GetProperty("C1Lower").GetInt32();
        Assert.Equal(c0 + 1, c1);
        Assert.InRange(c1, 184, 187);
        Assert.True(r.GetProperty("Accuracy").GetDouble() >= 0.99, $"accuracy {r.GetProperty("Accuracy").GetDouble()}");
        Assert.Equal(1_953_353, r.GetProperty("Parameters").GetInt64());
        Assert.Equal(15, r.GetProperty("Epochs").GetInt32());
    }

    [Fact]
    public void The_run_writes_attention_maps_and_feature_importance_as_csv_and_png()
    {
        var insight = Path.Combine(_run.Result.RunDirectory, "insight");
        Assert.Equal(256, File.ReadLines(Path.Combine(insight, "attention-spatial.csv")).Count());
        Assert.Equal(8, File.ReadLines(Path.Combine(insight, "attention-channel.csv")).Count());
        var temporal = File.ReadLines(Path.Combine(insight, "attention-temporal.csv")).ToList();
        Assert.Equal(349, temporal.Count);
        // Attention rows are softmax distributions.
        Assert.All(temporal.Take(5), row => Assert.Equal(1.0, row.Split(',').Sum(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), 3));
        Assert.Equal(4024, File.ReadLines(Path.Combine(insight, "feature-importance.csv")).Count());
        foreach (var png in new[] { "attention-spatial.png", "attention-channel.png", "attention-temporal.png", "feature-importance.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(insight, png));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
        }
    }

    [Fact]
    public void The_comparison_table_gets_the_sct_row()
    {
        var csv = File.ReadAllLines(_run.Temp["comparison"] + ".csv");
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("sct-attention,sct-attention,1953353,15,", csv[1]);
    }
}
