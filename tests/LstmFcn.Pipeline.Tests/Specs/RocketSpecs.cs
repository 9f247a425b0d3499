using LstmFcn.Pipeline.Tests.Support;
using LstmFcn.Rocket;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The ROCKET family (<c>minirocket</c>, <c>multirocket</c>, <c>hydra</c>, <c>hydra-multirocket</c>): MiniRocket's kernel
/// set, dilations, feature counts, bias quantiles and PPV against hand-computed values; ridge-CV's alpha against a direct
/// leave-one-out solve; and the plugins as the app loads them: accurate on real data, deterministic for a seed, the same
/// after save and load, multivariate and unequal-length input.
/// </summary>
public sealed class RocketSpecs : IDisposable
{
    readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    static DatasetSplit Load(string archive, string name, string extension = "tsv")
    {
        var ucr = Plugins.Loader("ucr");
        using var temp = new TempFolder();
        return ucr.Load(Plugins.Arguments(ucr, ("train", Repo.Dataset(archive, name, "TRAIN", extension)),
            ("test", Repo.Dataset(archive, name, "TEST", extension))), Plugins.Context(temp.Path));
    }

    static readonly Lazy<DatasetSplit> GunPoint = new(() => Load("ucr", "GunPoint"));

    RunContext Context(int seed = 42) => Plugins.Context(_temp.Path, seed);

    ITrainedModel Fit(string model, TimeSeriesDataset train, int seed = 42, params (string, object?)[] arguments)
    {
        var plugin = Plugins.Model(model);
        return plugin.Fit(train, Plugins.Arguments(plugin, arguments), Context(seed));
    }

    static double Accuracy(ITrainedModel model, TimeSeriesDataset test, RunContext context)
    {
        var predicted = model.PredictProbabilities(test, context).ArgMax();
        return predicted.Zip(test.Labels()).Count(p => p.First == p.Second) / (double)test.Count;
    }

    static TimeSeriesDataset Univariate(params float[][] series) =>
        new(series.Select((v, i) => new TimeSeriesSample($"s{i}", v, 1, 0)).ToList(), new ClassLabels(["a"]));

    /// <summary>The "same" dilated convolution by its definition: Σ_j w_j · x[t + (j − 4)·d], zero outside the series.</summary>
    static float[] Convolve(float[] x, float[] weights, int dilation)
    {
        var output = new float[x.Length];
        for (int t = 0; t < x.Length; t++)
            for (int j = 0; j < 9; j++)
            {
                int s = t + (j - 4) * dilation;
                if (s >= 0 && s < x.Length) output[t] += weights[j] * x[s];
            }
        return output;
    }

    /// <summary>The features of the last model fitted, from the kernel-importance.csv it wrote (one row per feature group).</summary>
    int FeatureCount() => File.ReadLines(Path.Combine(_temp.Path, "kernel-importance.csv")).Skip(1).Sum(l => int.Parse(l.Split(',')[1]));

    // ----- the transform against hand-computed values -----

    [Fact]
    public void The_kernel_set_is_every_placement_of_three_2s_among_nine_weights_of_minus_1()
    {
        var kernels = Enumerable.Range(0, MiniRocketKernels.Count).Select(MiniRocketKernels.Weights).ToList();

        Assert.Equal(84, kernels.Count);
        Assert.All(kernels, w =>
        {
            Assert.Equal(9, w.Length);
            Assert.Equal(3, w.Count(v => v == 2f));
            Assert.Equal(6, w.Count(v => v == -1f));
        });
        Assert.Equal(84, kernels.Select(w => string.Join(",", w)).Distinct().Count());
        Assert.Equal(new[] { 2f, 2f, 2f, -1f, -1f, -1f, -1f, -1f, -1f }, kernels[0]);
        Assert.Equal(new[] { -1f, -1f, -1f, -1f, -1f, -1f, 2f, 2f, 2f }, kernels[83]);
    }

    [Fact]
    public void For_a_series_of_40_steps_the_dilations_are_1_2_3_4_with_53_30_22_and_14_features_per_kernel()
    {
        // log2(39/8) = 2.285, exponents 2.285·i/31: i = 0…13 floor to dilation 1, 14…21 to 2, 22…27 to 3 (2^x ≥ 3 from
        // x = 1.585), 28…31 to 4; × 119/32 floored gives 52, 29, 22, 14 (117), the two left over go to the first two.
        var plan = DilationPlan.For(40, 119, 32);

        Assert.Equal(new[] { 1, 2, 3, 4 }, plan.Dilations);
        Assert.Equal(new[] { 53, 30, 22, 14 }, plan.FeaturesPerDilation);
        Assert.Equal(119, plan.FeaturesPerKernel);
        var rng = new Random(1);
        var series = Univariate(Enumerable.Range(0, 40).Select(_ => (float)rng.NextDouble()).ToArray());
        var transform = MiniRocketTransform.Fit(series.Samples, 119, 32, Pooling.Ppv, false, new Random(1), new Random(2));
        Assert.Equal(84 * 119, transform.FeatureCount);
        Assert.Equal(9_996, transform.FeatureCount);
    }

    [Fact]
    public void Short_series_keep_dilation_1_and_long_ones_reach_a_receptive_field_of_the_whole_series()
    {
        Assert.Equal(new[] { 1 }, DilationPlan.For(9, 119, 32).Dilations);
        Assert.Equal(new[] { 1 }, DilationPlan.For(5, 119, 32).Dilations);
        Assert.Equal(new[] { 119 }, DilationPlan.For(5, 119, 32).FeaturesPerDilation);
        var plan = DilationPlan.For(150, 119, 32); // GunPoint: (150 − 1) / 8 = 18.6
        Assert.Equal(18, plan.Dilations[^1]);
        Assert.Equal(119, plan.FeaturesPerKernel);
    }

    [Fact]
    public void Bias_quantiles_are_the_golden_ratio_sequence_of_the_chosen_examples_convolution_output()
    {
        Assert.Equal(new[] { 0.6180339887, 0.2360679775, 0.8541019662 }, Quantiles.LowDiscrepancy(3).Select(q => Math.Round(q, 10)));
        Assert.Equal(2.5f, Quantiles.Of(new[] { 1f, 2f, 3f, 4f }, 0.5));
        Assert.Equal(1.3f, Quantiles.Of(new[] { 1f, 2f, 3f, 4f }, 0.1), 5);

        // One training series, so every bias comes from it: each equals the quantile of the kernel's output
        // computed by the definition (multiplications), which also checks the additions-only convolution.
        var rng = new Random(3);
        var x = Enumerable.Range(0, 60).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var t = MiniRocketTransform.Fit(Univariate(x).Samples, 119, 32, Pooling.Ppv, false, new Random(1), new Random(2));
        var q = Quantiles.LowDiscrepancy(t.Biases.Length);
        int feature = 0;
        for (int di = 0; di < t.Plan.Dilations.Length; di++)
            for (int k = 0; k < 84; k++)
            {
                var sorted = Convolve(x, MiniRocketKernels.Weights(k), t.Plan.Dilations[di]).Order().ToArray();
                for (int f = 0; f < t.Plan.FeaturesPerDilation[di]; f++, feature++)
                    {
                        float expected = Quantiles.Of(sorted, q[feature]);
                        Assert.Equal(expected, t.Biases[feature], 1e-4f * (1 + Math.Abs(expected)));
                    }
            }
    }

    [Fact]
    public void PPV_is_the_share_of_outputs_above_the_bias_over_all_outputs_or_the_unpadded_ones_on_alternate_kernels()
    {
        Assert.Equal(2, Spans.CountAbove(new[] { -1f, 0.5f, 2f, 3f, -4f }, 0.5f)); // strictly above
        Assert.Equal(13, Spans.CountAbove(Enumerable.Range(0, 20).Select(i => (float)i).ToArray(), 6.5f)); // vector lanes + tail

        var rng = new Random(4);
        var x = Enumerable.Range(0, 50).Select(_ => (float)rng.NextGaussian()).ToArray();
        var data = Univariate(x);
        var t = MiniRocketTransform.Fit(data.Samples, 119, 32, Pooling.Ppv, false, new Random(1), new Random(2));
        var features = new float[t.FeatureCount];
        t.Transform(data.Samples[0], features, new MiniRocketWorkspace());
        int count0 = t.Plan.FeaturesPerDilation[0];
        // Dilation index 0, kernel 0: padded (all 50 outputs); kernel 1: unpadded (outputs 4 … 45).
        var c0 = Convolve(x, MiniRocketKernels.Weights(0), 1);
        var c1 = Convolve(x, MiniRocketKernels.Weights(1), 1);
        Assert.Equal(c0.Count(v => v > t.Biases[0]) / 50f, features[0], 5);
        Assert.Equal(c1[4..46].Count(v => v > t.Biases[count0]) / 42f, features[count0], 5);
    }

    [Theory]
    [InlineData(23)] // a map pixel's dates: 82 and 37 biases per kernel, outputs of 23, 15 and 7 steps
    [InlineData(40)]
    public void Every_PPV_feature_is_exactly_the_share_of_its_kernels_outputs_above_its_bias(int length)
    {
        var rng = new Random(length);
        var data = Univariate(Enumerable.Range(0, length).Select(_ => (float)rng.NextGaussian()).ToArray());
        var t = MiniRocketTransform.Fit(data.Samples, 119, 32, Pooling.Ppv, false, new Random(1), new Random(2));
        var features = new float[t.FeatureCount];
        t.Transform(data.Samples[0], features, new MiniRocketWorkspace());

        var workspace = new MiniRocketWorkspace();
        int feature = 0;
        for (int di = 0; di < t.Plan.Dilations.Length; di++)
        {
            workspace.Prepare(SeriesView.Of(data.Samples[0], false), t.Plan.Dilations[di]);
            for (int k = 0; k < MiniRocketKernels.Count; k++)
            {
                var output = workspace.Convolve(k, t.ChannelSubsets[di * MiniRocketKernels.Count + k]).ToArray();
                int pad = workspace.Padding;
                if ((di % 2 + k) % 2 == 1 && length > 2 * pad) output = output[pad..(length - pad)];
                for (int f = 0; f < t.Plan.FeaturesPerDilation[di]; f++, feature++)
                    Assert.Equal((float)output.Count(v => v > t.Biases[feature]) / output.Length, features[feature]);
            }
        }
        Assert.Equal(t.FeatureCount, feature);
    }

    // ----- ridge with leave-one-out over alphas -----

    [Theory]
    [InlineData(20, 50, 3)] // fewer examples than features: the dual (Gram) form
    [InlineData(40, 12, 2)] // more examples than features: the primal form
    public void Ridge_CV_chooses_the_alpha_a_direct_leave_one_out_solve_chooses(int rows, int features, int classes)
    {
        var rng = new Random(rows);
        var labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        var x = new float[rows * features];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < features; j++) x[i * features + j] = (float)(rng.NextGaussian() + (j % classes == labels[i] ? 0.7 : 0));
        var alphas = RidgeClassifierCv.DefaultAlphas();

        var fit = RidgeClassifierCv.Fit(x, rows, features, labels, classes, alphas, threads: 2);

        Assert.Equal(rows <= features, fit.Dual);
        var direct = alphas.Select(a => DirectLeaveOneOut(x, rows, features, labels, classes, a)).ToArray();
        for (int a = 0; a < alphas.Length; a++) Assert.Equal(direct[a], fit.LeaveOneOutErrors[a], direct[a] * 1e-3);
        Assert.Equal(alphas[Array.IndexOf(direct, direct.Min())], fit.Alpha);
        Assert.True(direct.Max() > direct.Min() * 1.01, "the alphas must differ for the choice to mean something");
    }

    /// <summary>Mean squared leave-one-out residual of ±1 ridge targets (intercept unpenalised) by n refits.</summary>
    static double DirectLeaveOneOut(float[] x, int rows, int features, int[] labels, int classes, double alpha)
    {
        var predicted = DirectLeaveOneOutScores(x, rows, features, labels, classes, alpha);
        double total = 0;
        for (int i = 0; i < rows; i++)
            for (int k = 0; k < classes; k++)
            {
                double r = (labels[i] == k ? 1 : -1) - predicted[i * classes + k];
                total += r * r;
            }
        return total / (rows * classes);
    }

    /// <summary>Each example's decision values from the ridge refitted without it (rows × classes).</summary>
    static double[] DirectLeaveOneOutScores(float[] x, int rows, int features, int[] labels, int classes, double alpha)
    {
        var scores = new double[rows * classes];
        var scaling = FeatureScaling.Of(x, rows, features, unitNorm: true);
        var z = scaling.Apply(x, rows, features);
        for (int out_ = 0; out_ < rows; out_++)
        {
            var keep = Enumerable.Range(0, rows).Where(i => i != out_).ToArray();
            var mean = new double[features];
            foreach (var i in keep) for (int j = 0; j < features; j++) mean[j] += z[i * features + j] / keep.Length;
            var a = new double[features, features];
            var b = new double[features, classes];
            var ymean = new double[classes];
            foreach (var i in keep) for (int k = 0; k < classes; k++) ymean[k] += (labels[i] == k ? 1 : -1) / (double)keep.Length;
            foreach (var i in keep)
                for (int p = 0; p < features; p++)
                {
                    double zp = z[i * features + p] - mean[p];
                    for (int q = 0; q < features; q++) a[p, q] += zp * (z[i * features + q] - mean[q]);
                    for (int k = 0; k < classes; k++) b[p, k] += zp * ((labels[i] == k ? 1 : -1) - ymean[k]);
                }
            for (int p = 0; p < features; p++) a[p, p] += alpha;
            var w = Solve(a, b);
            for (int k = 0; k < classes; k++)
            {
                double predicted = ymean[k];
                for (int p = 0; p < features; p++) predicted += w[p, k] * (z[out_ * features + p] - mean[p]);
                scores[out_ * classes + k] = predicted;
            }
        }
        return scores;
    }

    [Fact]
    public void Ridge_probabilities_are_a_softmax_whose_temperature_best_fits_the_smoothed_leave_one_out_scores()
    {
        const int rows = 30, features = 60, classes = 3;
        var rng = new Random(9);
        var labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        var x = new float[rows * features];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < features; j++) x[i * features + j] = (float)(rng.NextGaussian() + (j % classes == labels[i] ? 0.5 : 0));

        var fit = RidgeClassifierCv.Fit(x, rows, features, labels, classes, RidgeClassifierCv.DefaultAlphas(), threads: 2);

        var loo = DirectLeaveOneOutScores(x, rows, features, labels, classes, fit.Alpha);
        // Cross-entropy against targets smoothed by ε = 1/(n + 2): 1 − ε on the true class, ε/(K − 1) on the others.
        double epsilon = 1.0 / (rows + 2);
        double LogLoss(double t) => Enumerable.Range(0, rows).Average(i =>
        {
            var s = Enumerable.Range(0, classes).Select(k => t * loo[i * classes + k]).ToArray();
            double logSum = Math.Log(s.Sum(v => Math.Exp(v - s.Max()))) + s.Max();
            return Enumerable.Range(0, classes).Sum(k => (k == labels[i] ? 1 - epsilon : epsilon / (classes - 1)) * (logSum - s[k]));
        });
        double best = fit.Temperature;
        Assert.True(best > 1.5, $"ridge scores near ±1 need sharpening; temperature {best}");
        Assert.True(LogLoss(best) < LogLoss(best * 1.05) && LogLoss(best) < LogLoss(best / 1.05) && LogLoss(best) < LogLoss(1));
        // The temperature scales the scores, never reorders them.
        var probabilities = new float[classes];
        var scores = new double[classes];
        fit.Model.Probabilities(x.AsSpan(0, features), probabilities);
        fit.Model.Scores(x.AsSpan(0, features), scores);
        Assert.Equal(Array.IndexOf(scores, scores.Max()), Array.IndexOf(probabilities, probabilities.Max()));
        Assert.Equal(1f, probabilities.Sum(), 5);
    }

    /// <summary>Gaussian elimination with partial pivoting.</summary>
    static double[,] Solve(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = b.GetLength(1);
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (int j = 0; j < n; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            for (int j = 0; j < m; j++) (b[c, j], b[pivot, j]) = (b[pivot, j], b[c, j]);
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r, c] / a[c, c];
                for (int j = c; j < n; j++) a[r, j] -= f * a[c, j];
                for (int j = 0; j < m; j++) b[r, j] -= f * b[c, j];
            }
        }
        var x = new double[n, m];
        for (int r = n - 1; r >= 0; r--)
            for (int j = 0; j < m; j++)
            {
                double s = b[r, j];
                for (int c = r + 1; c < n; c++) s -= a[r, c] * x[c, j];
                x[r, j] = s / a[r, r];
            }
        return x;
    }

    [Fact]
    public void The_eigendecomposition_reconstructs_its_symmetric_matrix()
    {
        var rng = new Random(5);
        int n = 12;
        var m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) m[i][j] = m[j][i] = rng.NextGaussian();
        var copy = m.Select(r => r.ToArray()).ToArray();

        var eigen = SymmetricEigen.Of(m);

        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.Equal(copy[i][j], Enumerable.Range(0, n).Sum(k => eigen.Values[k] * eigen.Vectors[k][i] * eigen.Vectors[k][j]), 9);
        Assert.True(eigen.Values.Zip(eigen.Values.Skip(1)).All(p => p.First <= p.Second));
    }

    // ----- the plugins on real data -----

    [Fact]
    public void On_gunpoint_minirocket_is_at_least_97_percent_accurate()
    {
        using var model = Fit("minirocket", GunPoint.Value.Train);
        Assert.True(Accuracy(model, GunPoint.Value.Test, Context()) >= 0.97);
    }

    [Fact]
    public void On_italy_power_demand_minirocket_is_at_least_95_percent_accurate()
    {
        var italy = Load("ucr", "ItalyPowerDemand");
        using var model = Fit("minirocket", italy.Train);
        Assert.True(Accuracy(model, italy.Test, Context()) >= 0.95);
    }

    [Fact]
    public void The_same_seed_gives_the_same_probabilities_and_another_seed_other_ones()
    {
        using var a = Fit("minirocket", GunPoint.Value.Train, 42);
        using var b = Fit("minirocket", GunPoint.Value.Train, 42);
        using var c = Fit("minirocket", GunPoint.Value.Train, 7);
        var test = GunPoint.Value.Test;

        Assert.Equal(a.PredictProbabilities(test, Context()).Values, b.PredictProbabilities(test, Context()).Values);
        Assert.NotEqual(a.PredictProbabilities(test, Context()).Values, c.PredictProbabilities(test, Context()).Values);
    }

    [Fact]
    public void A_saved_and_loaded_model_predicts_the_same_probabilities()
    {
        using var model = Fit("minirocket", GunPoint.Value.Train);
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "model")).FullName;
        model.Save(folder);

        using var loaded = Plugins.Model("minirocket").Load(folder, Context());

        Assert.Equal(model.Classes.Names, loaded.Classes.Names);
        Assert.Equal(model.PredictProbabilities(GunPoint.Value.Test, Context()).Values,
            loaded.PredictProbabilities(GunPoint.Value.Test, Context()).Values);
    }

    [Fact]
    public void A_damaged_model_file_is_refused_naming_the_file()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "broken")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "rocket.bin"), [1, 2, 3]);

        var e = Assert.ThrowsAny<Exception>(() => Plugins.Model("minirocket").Load(folder, Context()));
        Assert.Contains("rocket.bin", e.Message);
    }

    [Fact]
    public void On_basic_motions_six_channels_minirocket_is_at_least_90_percent_accurate()
    {
        var motions = Load("uea", "BasicMotions", "ts");
        Assert.Equal(6, motions.Train.Channels);
        using var model = Fit("minirocket", motions.Train);
        Assert.True(Accuracy(model, motions.Test, Context()) >= 0.9);
    }

    [Fact]
    public void On_japanese_vowels_of_unequal_lengths_minirocket_is_at_least_90_percent_accurate()
    {
        var vowels = Load("uea", "JapaneseVowels", "ts");
        Assert.False(vowels.Train.IsEqualLength);
        using var model = Fit("minirocket", vowels.Train);
        Assert.True(Accuracy(model, vowels.Test, Context()) >= 0.9);
    }

    [Fact]
    public void Above_logistic_above_examples_the_classifier_is_logistic_regression_and_still_learns()
    {
        using var model = Fit("minirocket", GunPoint.Value.Train, 42, ("logistic_above", 10), ("logistic_epochs", 100));
        Assert.True(Accuracy(model, GunPoint.Value.Test, Context()) >= 0.9);
    }

    [Fact]
    public void Multirocket_has_49728_features_is_deterministic_and_at_least_97_percent_accurate_on_gunpoint()
    {
        using var a = Fit("multirocket", GunPoint.Value.Train);
        int features = FeatureCount();
        using var b = Fit("multirocket", GunPoint.Value.Train);

        Assert.Equal(49_728, features);
        Assert.Equal(a.PredictProbabilities(GunPoint.Value.Test, Context()).Values, b.PredictProbabilities(GunPoint.Value.Test, Context()).Values);
        Assert.True(Accuracy(a, GunPoint.Value.Test, Context()) >= 0.97);
    }

    [Fact]
    public void Hydra_has_1024_features_per_dilation_is_deterministic_and_at_least_97_percent_accurate_on_gunpoint()
    {
        // GunPoint: dilations 1, 2, 4, 8, 16 (⌊log2(149/8)⌋ = 4) × 2 representations × 32 groups × (8 soft + 8 hard).
        using var a = Fit("hydra", GunPoint.Value.Train);
        int features = FeatureCount();
        using var b = Fit("hydra", GunPoint.Value.Train);

        Assert.Equal(new[] { 1, 2, 4, 8, 16 }, HydraTransform.DilationsFor(150));
        Assert.Equal(5 * 1024, features);
        Assert.Equal(a.PredictProbabilities(GunPoint.Value.Test, Context()).Values, b.PredictProbabilities(GunPoint.Value.Test, Context()).Values);
        Assert.True(Accuracy(a, GunPoint.Value.Test, Context()) >= 0.97);
    }

    [Fact]
    public void The_minirocket_pipeline_is_valid()
    {
        var pipeline = PipelineFiles.Resolve(Path.Combine(Repo.Pipelines, "gunpoint-minirocket.yaml"));
        Assert.Equal("minirocket", pipeline.Model!.Plugin.Name);
    }
}
