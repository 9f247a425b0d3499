using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Forest.Boosting;

/// <summary>
/// A trained <c>gradient-boosting</c> model: the boosted trees, the feature layout they were trained on and the split
/// gain per feature. Saves as <c>boosting.json</c> (metadata, readable) + <c>boosting.bin</c> (trees).
/// </summary>
public sealed class GradientBoostingModel(BoostedEnsemble ensemble, ClassLabels classes, FeatureLayout layout, BoostingSettings settings,
    double[] importances, TrainingHistory history) : ITrainedModel
{
    public const string MetadataFile = "boosting.json";
    public const string TreesFile = "boosting.bin";
    const string Format = "lstmfcn-gradient-boosting";

    public BoostedEnsemble Ensemble { get; } = ensemble;
    public ClassLabels Classes { get; } = classes;
    public FeatureLayout Layout { get; } = layout;
    public BoostingSettings Settings { get; } = settings;
    /// <summary>Each feature's share of the total split gain (they sum to 1), in feature order.</summary>
    public double[] Importances { get; } = importances;
    public TrainingHistory History { get; } = history;

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        var probabilities = Ensemble.PredictProbabilities(Layout.Rows(data, "gradient-boosting"), context.WorkerThreads, context.Cancellation);
        return new ProbabilityMatrix(probabilities, data.Count, Classes);
    }

    /// <summary>boosting.json: everything but the trees, for people and for <see cref="Load"/>.</summary>
    public sealed record Metadata(string Format, int Version, List<string> Classes, int Channels, int Length,
        List<string> ChannelNames, List<string> TimeNames, BoostingSettings Settings, List<NamedImportance> FeatureImportances,
        string TreesFile, string CreatedUtc) : IModelMetadata;

    public void Save(string directory)
    {
        BoostingFile.Write(Path.Combine(directory, TreesFile), Ensemble);
        var meta = new Metadata(Format, BoostingFile.Version, Classes.Names.ToList(), Layout.Channels, Layout.Length,
            Layout.ChannelNames.ToList(), Layout.TimeNames.ToList(), Settings,
            FeatureImportance.Named(Layout, Importances), TreesFile, DateTime.UtcNow.ToString("O"));
        ModelMetadata.Write(Path.Combine(directory, MetadataFile), meta);
    }

    public static GradientBoostingModel Load(string directory)
    {
        var metaPath = Path.Combine(directory, MetadataFile);
        var meta = ModelMetadata.Read<Metadata>(metaPath, "gradient-boosting model", Format, BoostingFile.Version);
        var ensemble = BoostingFile.Read(Path.Combine(directory, meta.TreesFile));
        var layout = ModelMetadata.LayoutOf(meta, metaPath, ensemble.Features, ensemble.Classes);
        return new GradientBoostingModel(ensemble, new ClassLabels(meta.Classes), layout, meta.Settings,
            meta.FeatureImportances.Select(i => i.Importance).ToArray(), TrainingHistory.Empty);
    }

    public void Dispose() { }
}
