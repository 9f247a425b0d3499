using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary>
/// A fitted ROCKET-family model: a random-kernel transform and a linear classifier on its features. Saves as
/// <c>rocket.bin</c> (format tag, version, classes, transform, classifier).
/// </summary>
public sealed class RocketModel : ITrainedModel, IInferenceFootprint
{
    const string Magic = "lstmfcn-rocket";
    /// <summary>2: the classifier's softmax temperature follows it (version 1 files load with temperature 1).</summary>
    const int Version = 2;
    public const string FileName = "rocket.bin";

    public RocketModel(ClassLabels classes, IFeatureTransform transform, LinearModel classifier)
    {
        if (classifier.Features != transform.FeatureCount)
            throw new ArgumentException($"classifier of {classifier.Features} features for a transform of {transform.FeatureCount}");
        (Classes, Transform, Classifier) = (classes, transform, classifier);
    }

    public ClassLabels Classes { get; }
    public IFeatureTransform Transform { get; }
    public LinearModel Classifier { get; }
    public TrainingHistory History => TrainingHistory.Empty;

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        if (data.Count > 0 && data.Channels != Transform.Channels)
            throw new InvalidDataException($"{Transform.Kind}: trained on {Transform.Channels} channel(s), asked to predict {data.Channels}");
        int k = Classes.Count, f = Transform.FeatureCount;
        var probabilities = new float[data.Count * k];
        var samples = data.Samples as TimeSeriesSample[] ?? data.Samples.ToArray();
        float[]? features = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = context.WorkerThreads, CancellationToken = context.Cancellation };
        for (int start = 0; start < samples.Length; start += PredictionChunk)
        {
            int count = Math.Min(PredictionChunk, samples.Length - start);
            var chunk = new ArraySegment<TimeSeriesSample>(samples, start, count);
            features = Transform.Transform(chunk, context.WorkerThreads, context.Cancellation, features);
            var rows = features;
            Parallel.For(0, count, options, i => Classifier.Probabilities(rows.AsSpan(i * f, f), probabilities.AsSpan((start + i) * k, k)));
        }
        return new ProbabilityMatrix(probabilities, data.Count, Classes);
    }

    /// <summary>
    /// Series transformed at a time when predicting: their feature rows (MiniRocket ≈ 10 000 floats, MultiRocket ≈
    /// 50 000: 40 / 200 KB a series) fill one reused buffer of 10 / 50 MB, not one as large as the batch (a map's
    /// 8 192 pixels would need 0.3 / 1.6 GB, allocated afresh for every batch).
    /// </summary>
    const int PredictionChunk = 256;

    /// <summary>One chunk's feature rows, then only the probabilities per series.</summary>
    public InferenceFootprint FootprintFor(int channels, int length) =>
        new(4L * PredictionChunk * Transform.FeatureCount, 4L * Classes.Count);

    public void Save(string directory)
    {
        using var stream = File.Create(Path.Combine(directory, FileName));
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Classes.Count);
        foreach (var name in Classes.Names) writer.Write(name);
        FeatureTransformFile.Write(writer, Transform);
        Classifier.Write(writer);
        Classifier.WriteTemperature(writer);
    }

    public static RocketModel Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not a saved ROCKET-family model (no {FileName})", path);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a ROCKET-family model file");
            int version = reader.ReadInt32();
            if (version is < 1 or > Version) throw new InvalidDataException($"format version {version}; this build reads versions 1 to {Version}");
            int count = reader.ReadInt32();
            if (count is < 1 or > 1_000_000) throw new InvalidDataException($"{count} classes");
            var classes = new ClassLabels(Enumerable.Range(0, count).Select(_ => reader.ReadString()).ToArray());
            var transform = FeatureTransformFile.Read(reader);
            var classifier = LinearModel.Read(reader);
            if (version >= 2) classifier = classifier.WithTemperature(reader.ReadDouble());
            if (classifier.Classes != classes.Count) throw new InvalidDataException($"classifier of {classifier.Classes} classes for {classes.Count}");
            return new RocketModel(classes, transform, classifier);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: truncated or damaged ({e.Message})", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public void Dispose() { }
}
