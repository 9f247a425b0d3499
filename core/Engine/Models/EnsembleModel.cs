using System.Text.Json;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Pipelines;
using LstmFcn.Pipeline.Engine.Plugins;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// A composite model: several fitted pipelines trained on the same data whose class probabilities are averaged with
/// fixed weights (a soft vote, as scikit-learn's VotingClassifier or sits_combine_predictions). Each member first
/// applies its own preprocessing to what the pipeline's preprocessing produced; nothing is chosen or weighted by
/// looking at test data. Its members' own predictions come through <see cref="IMemberPredictions"/>.
/// </summary>
public sealed class EnsembleModel : ITrainedModel, IMemberPredictions, IInferenceFootprint
{
    /// <summary>The name saved ensembles carry in their manifest's model field; their members are sub-folders.</summary>
    public const string ManifestName = "ensemble";
    public const string MembersFolder = "members";

    EnsembleModel(IReadOnlyList<EnsembleMember> members)
    {
        Members = members;
        Classes = members[0].Pipeline.Classes;
        foreach (var m in members)
            if (!m.Pipeline.Classes.Names.SequenceEqual(Classes.Names))
                throw new InvalidDataException(
                    $"ensemble member {m.Folder} predicts the classes [{string.Join(", ", m.Pipeline.Classes.Names)}], the first member " +
                    $"[{string.Join(", ", Classes.Names)}]; every member must learn the same classes");
    }

    public IReadOnlyList<EnsembleMember> Members { get; }
    public ClassLabels Classes { get; }
    /// <summary>Members keep their own histories (members/&lt;member&gt;/history.csv).</summary>
    public TrainingHistory History => TrainingHistory.Empty;
    public IReadOnlyList<string> MemberNames => Members.Select(m => m.Folder).ToList();

    /// <summary>What the ensemble's manifest records: its weights and its members' folders.</summary>
    public ModelIdentity Identity => new(ManifestName,
        new Dictionary<string, object?> { ["weights"] = Members.Select(m => m.Weight).ToList() },
        Members.Select(m => $"{MembersFolder}/{m.Folder}").ToList());

    /// <summary>The folder name of member <paramref name="index"/> (0-based) in run and model folders: "2-random-forest".</summary>
    public static string FolderOf(int index, string plugin) => $"{index + 1}-{plugin}";

    /// <summary>Fits every member on <paramref name="train"/>; each writes its artifacts into members/&lt;n&gt;-&lt;plugin&gt;/.</summary>
    public static EnsembleModel Fit(ResolvedEnsemble ensemble, TimeSeriesDataset train, RunContext context, IRunLog log)
    {
        var members = new List<EnsembleMember>();
        try
        {
            for (int i = 0; i < ensemble.Members.Count; i++)
            {
                var spec = ensemble.Members[i];
                var folder = FolderOf(i, spec.Model.Plugin.Name);
                int seed = SeedOfCopy(context.Seed, spec.Copy);
                var memberContext = context.InFolder(Path.Combine(context.RunDirectory, MembersFolder, folder), seed);
                log.Info($"Ensemble model {i + 1}/{ensemble.Members.Count} ({spec.Model.Plugin.Name}" +
                         (spec.Copies > 1 ? $", copy {spec.Copy + 1}/{spec.Copies}, seed {seed}" : "") + $", weight {ensemble.Weights[i]:G4}): " +
                         $"fitting on {train.Count} series" + (spec.Preprocess.Count > 0 ? $" after {string.Join(", ", spec.Preprocess.Select(s => s.Plugin.Name))}" : ""));
                var member = FittedPipeline.Fit(new ModelRecipe(spec.Preprocess, spec.Model, null), train, memberContext, log);
                if (member.Model.History.Epochs.Count > 0) HistoryWriter.Write(memberContext.Artifacts, "history.csv", member.Model.History);
                members.Add(new EnsembleMember(folder, member, ensemble.Weights[i]));
            }
            return new EnsembleModel(members);
        }
        catch
        {
            foreach (var m in members) m.Pipeline.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The seed copy <paramref name="copy"/> of a repeated model trains with: the run's for the first copy (so it is the
    /// model a lone run trains), a SplitMix of the run's seed and the copy number for the others — not seed + copy, which
    /// would repeat the seeds that neighbouring cross-validation folds (seed + fold) already use.
    /// </summary>
    public static int SeedOfCopy(int runSeed, int copy) => copy == 0 ? runSeed : RandomStreams.Seed(runSeed, "ensemble-copy", copy);

    /// <summary>The weighted mean of the members' probabilities, one row per series of <paramref name="data"/>.</summary>
    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context) => Combine(PredictMembers(data, context));

    /// <summary>Each member's probabilities (after its own preprocessing), one row per series of <paramref name="data"/>.</summary>
    public IReadOnlyList<ProbabilityMatrix> PredictMembers(TimeSeriesDataset data, RunContext context)
    {
        var each = new ProbabilityMatrix[Members.Count];
        for (int m = 0; m < each.Length; m++) each[m] = Members[m].Pipeline.PredictProbabilities(data, context);
        return each;
    }

    /// <summary>Members predict one after another: the largest member's footprint, and every member's probabilities kept.</summary>
    public InferenceFootprint FootprintFor(int channels, int length)
    {
        var largest = Members.Select(m => m.Pipeline.FootprintFor(channels, length)).MaxBy(f => f.FixedBytes + 8192 * f.BytesPerSeries);
        return largest.Plus(new InferenceFootprint(0, 4L * Classes.Count * (Members.Count + 1)));
    }

    /// <summary>The weighted mean of the members' probabilities (<see cref="PredictMembers"/>).</summary>
    public ProbabilityMatrix Combine(IReadOnlyList<ProbabilityMatrix> each)
    {
        int rows = each[0].Rows;
        var sum = new double[rows * Classes.Count];
        double totalWeight = 0;
        for (int m = 0; m < each.Count; m++)
        {
            double weight = Members[m].Weight;
            var values = each[m].Values;
            for (int j = 0; j < sum.Length; j++) sum[j] += weight * values[j];
            totalWeight += weight;
        }
        var mean = new float[sum.Length];
        for (int j = 0; j < sum.Length; j++) mean[j] = (float)(sum[j] / totalWeight);
        return new ProbabilityMatrix(mean, rows, Classes);
    }

    /// <summary>Each member as a saved model of its own in members/&lt;n&gt;-&lt;plugin&gt;/.</summary>
    public void Save(string directory)
    {
        foreach (var m in Members)
        {
            var folder = Path.Combine(directory, MembersFolder, m.Folder);
            Directory.CreateDirectory(folder);
            m.Pipeline.WriteInto(folder);
        }
    }

    public static EnsembleModel Load(string directory, SavedModelManifest manifest, IReadOnlyList<string> memberFolders,
        PluginCatalog catalog, RunContext context)
    {
        var manifestPath = Path.Combine(directory, SavedModelManifest.FileName);
        var weights = manifest.ModelArguments.TryGetValue("weights", out var w) && w is JsonElement { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(x => x.GetDouble()).ToList()
            : throw new InvalidDataException($"{manifestPath}: an ensemble needs its 'weights' in ModelArguments");
        if (weights.Count != memberFolders.Count)
            throw new InvalidDataException($"{manifestPath}: {weights.Count} weights for {memberFolders.Count} ensemble members");
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        var members = new List<EnsembleMember>();
        try
        {
            for (int i = 0; i < memberFolders.Count; i++)
            {
                var folder = Path.GetFullPath(Path.Combine(directory, memberFolders[i]));
                if (!folder.StartsWith(root, StringComparison.Ordinal))
                    throw new InvalidDataException($"{manifestPath}: ensemble member folder '{memberFolders[i]}' is outside the model folder");
                if (!Directory.Exists(folder))
                    throw new InvalidDataException($"{manifestPath}: ensemble member folder '{memberFolders[i]}' is missing");
                members.Add(new EnsembleMember(Path.GetFileName(folder), FittedPipeline.Load(folder, catalog, context), weights[i]));
            }
            return new EnsembleModel(members);
        }
        catch
        {
            foreach (var m in members) m.Pipeline.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var m in Members) m.Pipeline.Dispose();
    }
}
