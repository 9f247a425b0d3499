using System.Text.Json;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Neighbours;

/// <summary>
/// <c>1nn</c>: one-nearest-neighbour with Euclidean or DTW distance (Sakoe-Chiba band), the UCR archive's baselines.
/// The test set is searched in parallel; each search abandons a candidate as soon as it cannot win.
/// </summary>
public sealed class NearestNeighbourClassifier : ModelPlugin<NearestNeighbourClassifier.Options>
{
    public enum Distance { Euclidean, Dtw }

    public sealed record Options : PluginOptions
    {
        [Parameter("distance between series")]
        public Distance Distance { get; init; } = Distance.Euclidean;

        [Parameter("dtw: Sakoe-Chiba band as a fraction of the series length (1 = unconstrained)", Min = 0, Max = 1)]
        public double Window { get; init; } = 1.0;
    }

    public override string Name => "1nn";
    public override string Description => "1-nearest-neighbour with Euclidean or DTW (Sakoe-Chiba window) distance";

    protected override ITrainedModel Fit(TimeSeriesDataset train, Options options, RunContext context)
    {
        if (train.Count == 0) throw new InvalidDataException("1nn: the training set is empty");
        if (train.Samples.Any(s => s.Label < 0)) throw new InvalidDataException("1nn: every training series needs a label");
        var model = new Model(train, options.Distance == Distance.Dtw, options.Window, context.WorkerThreads);
        context.Log.Info($"1-NN ({model.Describe()}) remembers {train.Count} training series");
        return model;
    }

    public override ITrainedModel Load(string directory, RunContext context)
    {
        var settings = JsonSerializer.Deserialize<Settings>(File.ReadAllText(Path.Combine(directory, "1nn.json")))
                       ?? throw new InvalidDataException($"{directory}: 1nn.json is empty");
        return new Model(SampleStore.Read(Path.Combine(directory, "train.bin")), settings.Distance == DtwName, settings.Window, context.WorkerThreads);
    }

    /// <summary>How 1nn.json names the distance (the pipeline's choice names).</summary>
    const string DtwName = "dtw", EuclideanName = "euclidean";

    sealed record Settings(string Distance, double Window);

    sealed class Model : ITrainedModel
    {
        readonly TimeSeriesDataset _train;
        readonly bool _dtw;
        readonly double _window;
        readonly int _threads;

        public Model(TimeSeriesDataset train, bool dtw, double window, int threads)
        {
            (_train, _dtw, _window, _threads) = (train, dtw, window, threads);
        }

        public ClassLabels Classes => _train.Classes;
        public TrainingHistory History { get; } = TrainingHistory.Empty;
        public string Describe() => _dtw ? $"DTW, window {_window:P0}" : "Euclidean";

        public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
        {
            if (data.Count > 0 && data.Channels != _train.Channels)
                throw new InvalidDataException($"1nn: trained on {_train.Channels} channel(s), asked to predict {data.Channels}");
            if (!_dtw)
                foreach (var s in data.Samples)
                    if (s.Length != _train.Samples[0].Length || !_train.IsEqualLength)
                        throw new InvalidDataException(
                            $"1nn: Euclidean distance needs equal lengths; series '{s.Id}' has {s.Length}, training series have " +
                            $"{_train.MinLength}..{_train.MaxLength}. Add a fixed-length step or use distance: dtw");

            int k = Classes.Count;
            var probabilities = new float[data.Count * k];
            int done = 0;
            using var bar = context.Progress.Start($"1-NN ({Describe()})", data.Count);
            var options = new ParallelOptions
            {
                CancellationToken = context.Cancellation,
                MaxDegreeOfParallelism = _threads
            };
            int maxLength = Math.Max(_train.MaxLength, data.MaxLength);
            Parallel.For(0, data.Count, options, () => new double[2 * (maxLength + 1)], (i, _, buffer) =>
            {
                var query = data.Samples[i];
                double best = double.PositiveInfinity;
                int bestLabel = 0;
                foreach (var candidate in _train.Samples)
                {
                    double d = _dtw
                        ? Distances.SquaredDtw(query.Values, query.Length, candidate.Values, candidate.Length, query.Channels,
                            (int)Math.Ceiling(_window * Math.Max(query.Length, candidate.Length)), best, buffer)
                        : Distances.SquaredEuclidean(query.Values, candidate.Values, best);
                    if (d < best) { best = d; bestLabel = candidate.Label; }
                }
                probabilities[i * k + bestLabel] = 1f;
                int n = Interlocked.Increment(ref done);
                if (n % 16 == 0) bar.Report(n);
                return buffer;
            }, _ => { });
            bar.Report(data.Count);
            return new ProbabilityMatrix(probabilities, data.Count, Classes);
        }

        public void Save(string directory)
        {
            File.WriteAllText(Path.Combine(directory, "1nn.json"), JsonSerializer.Serialize(new Settings(_dtw ? DtwName : EuclideanName, _window)));
            SampleStore.Write(Path.Combine(directory, "train.bin"), _train);
        }

        public void Dispose() { }
    }
}
