using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest;

/// <summary>
/// A trained <c>random-forest</c>: the forest, the feature layout it was trained on, and what its training measured
/// (out-of-bag score, feature importances). Saves as <c>forest.json</c> (metadata, readable) + <c>forest.bin</c> (trees).
/// </summary>
public sealed class RandomForestModel(RandomForest forest, ClassLabels classes, FeatureLayout layout, ForestSettings settings,
    int seed, int triedFeatures, OutOfBagScore? outOfBag, double[] importances) : ITrainedModel
{
    public const string MetadataFile = "forest.json";
    public const string TreesFile = "forest.bin";
    const string Format = "lstmfcn-random-forest";

    public RandomForest Forest { get; } = forest;
    public ClassLabels Classes { get; } = classes;
    public FeatureLayout Layout { get; } = layout;
    public ForestSettings Settings { get; } = settings;
    public int Seed { get; } = seed;
    public int TriedFeatures { get; } = triedFeatures;
    public OutOfBagScore? OutOfBag { get; } = outOfBag;
    /// <summary>Mean decrease in impurity per feature (they sum to 1), in feature order.</summary>
    public double[] Importances { get; } = importances;
    public TrainingHistory History { get; } = TrainingHistory.Empty;

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        var probabilities = Forest.PredictProbabilities(Layout.Rows(data, "random-forest"), context.WorkerThreads, context.Cancellation);
        return new ProbabilityMatrix(probabilities, data.Count, Classes);
    }

    public sealed record SavedSettings(int Trees, string MaxFeatures, int? MaxDepth, int MinSamplesSplit, int MinSamplesLeaf,
        string ClassWeight, bool Bootstrap);

    /// <summary>forest.json: everything but the trees, for people and for <see cref="Load"/>.</summary>
    public sealed record Metadata(string Format, int Version, List<string> Classes, int Channels, int Length,
        List<string> ChannelNames, List<string> TimeNames, SavedSettings Settings, int TriedFeatures, int Seed,
        double? OobScore, int OobSamples, List<NamedImportance> FeatureImportances, string TreesFile, string CreatedUtc) : IModelMetadata;

    public void Save(string directory)
    {
        ForestFile.Write(Path.Combine(directory, TreesFile), Forest);
        var s = Settings;
        var meta = new Metadata(Format, ForestFile.Version, Classes.Names.ToList(), Layout.Channels, Layout.Length,
            Layout.ChannelNames.ToList(), Layout.TimeNames.ToList(),
            new SavedSettings(s.Trees, s.MaxFeatures.Text, s.MaxDepth, s.MinSamplesSplit, s.MinSamplesLeaf,
                ForestSettings.Name(s.ClassWeight), s.Bootstrap),
            TriedFeatures, Seed, OutOfBag is { Accuracy: var a } && !double.IsNaN(a) ? Math.Round(a, 6) : null, OutOfBag?.Scored ?? 0,
            FeatureImportance.Named(Layout, Importances), TreesFile,
            DateTime.UtcNow.ToString("O"));
        ModelMetadata.Write(Path.Combine(directory, MetadataFile), meta);
    }

    public static RandomForestModel Load(string directory)
    {
        var metaPath = Path.Combine(directory, MetadataFile);
        var meta = ModelMetadata.Read<Metadata>(metaPath, "random forest", Format, ForestFile.Version);

        var forest = ForestFile.Read(Path.Combine(directory, meta.TreesFile));
        var layout = ModelMetadata.LayoutOf(meta, metaPath, forest.Features, forest.Classes);
        var s = meta.Settings;
        var settings = new ForestSettings(s.Trees, MaxFeatures.Parse(s.MaxFeatures, metaPath), s.MaxDepth, s.MinSamplesSplit,
            s.MinSamplesLeaf, ForestSettings.ParseClassWeight(s.ClassWeight), s.Bootstrap);
        var outOfBag = meta.OobScore is { } score ? new OutOfBagScore(score, meta.OobSamples, 0) : null;
        var importances = meta.FeatureImportances.Select(i => i.Importance).ToArray();
        return new RandomForestModel(forest, new ClassLabels(meta.Classes), layout, settings, meta.Seed, meta.TriedFeatures,
            outOfBag, importances);
    }

    public void Dispose() { }
}
