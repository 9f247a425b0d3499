using LstmFcn.Pipeline.Engine.Data;
using LstmFcn.Pipeline.Engine.Outputs;
using LstmFcn.Pipeline.Engine.Plugins;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// A fitted pipeline: its fitted preprocessing steps followed by its trained model — the predictor of raw,
/// loader-shaped data that a run trains, saves and later applies (to a test set, new series, every pixel of a cube).
/// It predicts one row per raw series (the windows preprocessing cut from a series vote), saves and loads itself as a
/// model folder, and carries the fingerprint that derived results such as finished map blocks are keyed by.
/// </summary>
public sealed class FittedPipeline : ITrainedPipeline, IDisposable
{
    string _fingerprint = "";

    public FittedPipeline(IReadOnlyList<FittedStep> steps, ITrainedModel model, ModelIdentity identity,
        MissingValuePolicy missing = MissingValuePolicy.Error)
    {
        Steps = steps;
        Model = model;
        Identity = identity;
        Missing = missing;
    }

    /// <summary>What is done with missing values in raw data before the first step (as the training data was).</summary>
    public MissingValuePolicy Missing { get; }

    /// <summary>The shape of the training data, raw and prepared (null for models saved before it was recorded).</summary>
    public TrainingInput? Input { get; init; }

    /// <summary>The loader the pipeline was trained with (null for ensemble members and older models).</summary>
    public LoaderIdentity? Loader { get; init; }

    public IReadOnlyList<FittedStep> Steps { get; }
    public ITrainedModel Model { get; }
    /// <summary>The model plugin and arguments its manifest records.</summary>
    public ModelIdentity Identity { get; }
    public ClassLabels Classes => Model.Classes;

    /// <summary>The folder this pipeline was saved to or loaded from; null until then.</summary>
    public string? Folder { get; private set; }

    /// <summary>
    /// A digest of everything that decides predictions (see <see cref="ModelFolder.Fingerprint"/>); known once the
    /// pipeline is saved or loaded, empty before.
    /// </summary>
    public string Fingerprint => _fingerprint;

    /// <summary>Fits the recipe's preprocessing on <paramref name="train"/>, then its model (or ensemble) on what that made.</summary>
    public static FittedPipeline Fit(ModelRecipe recipe, TimeSeriesDataset train, RunContext context, IRunLog log)
    {
        train = MissingValues.Apply(train, recipe.Missing, "training data");
        TrainingData.Check(train);
        var (steps, prepared) = FittedStep.FitAll(recipe.Preprocess, train, context,
            (step, data) => log.Info($"Preprocessed with {step.Plugin.Name}: {data.Count} series, length {DatasetText.Lengths(data)}"));
        var input = TrainingInput.Of(train, prepared);
        if (recipe.Ensemble is { } ensemble)
        {
            var model = EnsembleModel.Fit(ensemble, prepared, context, log);
            return new FittedPipeline(steps, model, model.Identity, recipe.Missing) { Input = input, Loader = recipe.Loader };
        }
        var step = recipe.Model ?? throw new ArgumentException("a recipe needs a model or an ensemble", nameof(recipe));
        var trained = step.Plugin.Fit(prepared, step.Arguments, context);
        return new FittedPipeline(steps, trained, new ModelIdentity(step.Plugin.Name, step.Arguments.Values), recipe.Missing)
        {
            Input = input,
            Loader = recipe.Loader,
        };
    }

    /// <summary>The missing-value policy, then the evaluation transform of every fitted step (never the training one).</summary>
    public TimeSeriesDataset Prepare(TimeSeriesDataset raw) => FittedStep.Apply(Steps, MissingValues.Apply(raw, Missing, "data"));

    /// <summary>Class probabilities, one row per raw series: predictions of windows cut from a series are averaged.</summary>
    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset raw, RunContext context) => Predict(raw, context).Probabilities;

    /// <summary>
    /// The prepared series (one per raw series: a series cut into windows is represented by its first window, with
    /// metadata <c>windows</c> = how many voted) and their probabilities; with <paramref name="withMembers"/>, a
    /// composite model's members' probabilities too, each predicted once (see <see cref="IMemberPredictions"/>).
    /// </summary>
    public Prediction Predict(TimeSeriesDataset raw, RunContext context, bool withMembers = false)
    {
        var prepared = Prepare(raw);
        if (prepared.Count == 0)
            return new Prediction(prepared, new ProbabilityMatrix([], 0, Classes), [], 0);
        IReadOnlyList<MemberPredictions> members = [];
        ProbabilityMatrix rows;
        if (withMembers && Model is IMemberPredictions composite)
        {
            var each = composite.PredictMembers(prepared, context);
            rows = composite.Combine(each);
            members = each.Select((m, i) => new MemberPredictions(composite.MemberNames[i], WindowVote.PerSeries(prepared, m, raw.Count, ""))).ToList();
        }
        else rows = Model.PredictProbabilities(prepared, context);
        var (series, probabilities) = WindowVote.Combine(prepared, rows);
        if (series.Count != raw.Count)
            throw new InvalidOperationException(
                $"preprocessing turned {raw.Count} series into {series.Count} predictions; a step that splits series " +
                $"must name each part's series in metadata '{TimeSeriesSample.WindowOfKey}'");
        return new Prediction(series, probabilities, members, prepared.Count);
    }

    /// <summary>
    /// Each fitted step makes a copy of the series; the model then holds its own footprint for the prepared shape (the
    /// training data's prepared length when recorded: a step may shorten or window the series).
    /// </summary>
    public InferenceFootprint FootprintFor(int channels, int length)
    {
        int preparedChannels = Input?.PreparedChannels ?? channels, preparedLength = Input?.PreparedMaxLength ?? length;
        var copies = new InferenceFootprint(0, 4L * Steps.Count * Math.Max(channels * length, preparedChannels * preparedLength));
        var model = Model is IInferenceFootprint own ? own.FootprintFor(preparedChannels, preparedLength)
            : InferenceFootprint.Assumed(preparedChannels, preparedLength, Classes.Count);
        return copies.Plus(model);
    }

    /// <summary>Saves into <paramref name="folder"/>, which appears complete or not at all (replacing an earlier save).</summary>
    public void Save(string folder)
    {
        AtomicFolder.Write(folder, WriteInto);
        Folder = folder;
        _fingerprint = ModelFolder.Fingerprint(folder);
    }

    /// <summary>Writes the model's files, the manifest and the checksums into an existing, empty folder.</summary>
    internal void WriteInto(string folder)
    {
        Model.Save(folder);
        var manifest = new SavedModelManifest(
            Identity.Plugin,
            Identity.Arguments.ToDictionary(kv => kv.Key, kv => kv.Value),
            Steps.Select(p => new SavedPreprocessor(p.Plugin.Name,
                p.Arguments.Values.ToDictionary(kv => kv.Key, kv => kv.Value),
                p.Transform.State.ToDictionary(kv => kv.Key, kv => kv.Value))).ToList(),
            Classes.Names.ToList(),
            $"LstmFcn.Pipeline {typeof(FittedPipeline).Assembly.GetName().Version}",
            DateTime.UtcNow)
        {
            Members = Identity.Members?.ToList(),
            MissingValues = Missing == MissingValuePolicy.Error ? null : OptionNames.SnakeCase(Missing.ToString()),
            Input = Input,
            Loader = Loader is null ? null : new SavedLoader(Loader.Plugin, Loader.Arguments.ToDictionary(kv => kv.Key, kv => kv.Value)),
        };
        AtomicFile.WriteText(Path.Combine(folder, SavedModelManifest.FileName), manifest.ToJson());
        ModelFolder.WriteChecksums(folder);
    }

    /// <summary>
    /// Reads a saved model folder: checks its files against the checksums saved with it, restores the fitted
    /// preprocessing and loads the model (an ensemble's members in turn). Folders of earlier versions load as they are.
    /// </summary>
    public static FittedPipeline Load(string folder, PluginCatalog catalog, RunContext context)
    {
        folder = Path.GetFullPath(folder);
        ModelFolder.Verify(folder);
        var manifest = SavedModelManifest.Read(folder);
        var steps = new List<FittedStep>();
        foreach (var saved in manifest.Preprocessors)
        {
            var plugin = Plugin<IPreprocessorPlugin>(catalog, saved.Plugin, folder);
            var args = SavedArguments.Restore($"saved preprocessing ({plugin.Name})", plugin, saved.Arguments);
            steps.Add(new FittedStep(plugin, args, plugin.Restore(saved.State, args)));
        }
        ITrainedModel model = manifest.Members is { } members
            ? EnsembleModel.Load(folder, manifest, members, catalog, context)
            : Plugin<IModelPlugin>(catalog, manifest.ModelPlugin, folder).Load(folder, context);
        CheckClasses(folder, manifest, model);
        return new FittedPipeline(steps, model, new ModelIdentity(manifest.ModelPlugin, manifest.ModelArguments, manifest.Members),
            MissingPolicyOf(folder, manifest))
        {
            Input = manifest.Input,
            Loader = manifest.Loader is { } loader ? new LoaderIdentity(loader.Plugin, loader.Arguments) : null,
            Folder = folder,
            _fingerprint = ModelFolder.Fingerprint(folder),
        };
    }

    static MissingValuePolicy MissingPolicyOf(string folder, SavedModelManifest manifest) => manifest.MissingValues switch
    {
        null or "error" => MissingValuePolicy.Error,
        "interpolate" => MissingValuePolicy.Interpolate,
        "zero" => MissingValuePolicy.Zero,
        var other => throw new InvalidDataException($"{Path.Combine(folder, SavedModelManifest.FileName)}: MissingValues '{other}' is not error, interpolate or zero"),
    };

    /// <summary>The manifest's classes are what predictions are named by: they must be the model's own, in its order.</summary>
    static void CheckClasses(string folder, SavedModelManifest manifest, ITrainedModel model)
    {
        if (manifest.Classes.SequenceEqual(model.Classes.Names)) return;
        model.Dispose();
        throw new InvalidDataException(
            $"{Path.Combine(folder, SavedModelManifest.FileName)}: lists the classes [{string.Join(", ", manifest.Classes)}], but the model " +
            $"predicts [{string.Join(", ", model.Classes.Names)}]; the folder was edited or mixed up");
    }

    static T Plugin<T>(PluginCatalog catalog, string name, string folder) where T : class, IPlugin =>
        catalog.TryGet(name, out var entry) && entry.Plugin is T plugin ? plugin
            : throw new InvalidDataException($"{Path.Combine(folder, SavedModelManifest.FileName)}: the saved model needs the plugin " +
                                             $"'{name}', which is not installed (lstmfcn plugins lists those found)");

    public void Dispose() => Model.Dispose();
}
