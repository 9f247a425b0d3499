using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Training;
using LstmFcn.TorchLayers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep;

/// <summary>
/// Fit and load for the deep classifiers (LSTM-FCN, ALSTM-FCN, CNN-LSTM): one training recipe, cell selection on a
/// split of train, save and load; the subclasses declare their parameters and build their network's options.
/// </summary>
public abstract class DeepClassifierPlugin : IModelPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<ParameterSpec> Parameters => _parameters ??= Declare();
    IReadOnlyList<ParameterSpec>? _parameters;

    protected abstract IReadOnlyList<ParameterSpec> Declare();

    /// <summary>The network for this data and cell count, from the step's arguments.</summary>
    protected abstract NetworkOptions NetworkFor(PluginArguments args, TimeSeriesDataset train, int cells);

    /// <summary>Whether predictions also write attention.csv (only networks with an attention LSTM have one).</summary>
    protected virtual bool ExportsAttention(PluginArguments args) => false;

    public ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        if (train.Count == 0) throw new InvalidDataException($"{args.StepName}: the training set is empty");
        if (!train.IsEqualLength)
            throw new InvalidDataException($"{args.StepName}: series lengths vary ({train.MinLength}..{train.MaxLength}); add a 'fixed-length' preprocessing step");
        if (train.Samples.Any(s => s.Label < 0)) throw new InvalidDataException($"{args.StepName}: every training series needs a label");

        NativeMemory.TuneForTensors();
        var device = TorchRuntime.Prepare(context);
        var training = DeepModelOptions.Training(args, context.Seed);
        int cells = ChooseCells(train, args, training, device, context);
        var networkOptions = NetworkFor(args, train, cells);
        context.Log.Info($"{Name}: {cells} cells, {training.Epochs} epochs, batch {training.BatchSize}, on {device.type.ToString().ToLowerInvariant()} " +
                         $"with {get_num_threads()} thread(s)");

        CudaDevice.Seed(context.Seed);
        var network = ClassifierNetwork.Create(networkOptions);
        network.to(device);
        var history = Train(network, train, training, device, context, Path.Combine(context.RunDirectory, "checkpoint"));
        var hyper = args.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        hyper["cells"] = (long)cells;
        return new TrainedNetwork(network, device, train.Classes, history, hyper, ExportsAttention(args));
    }

    public ITrainedModel Load(string directory, RunContext context) => TrainedNetwork.Load(directory, context);

    static TrainingHistory Train(ClassifierNetwork network, TimeSeriesDataset train, TrainingOptions options, Device device,
        RunContext context, string? checkpointDir)
    {
        int[] fitIndices, validationIndices;
        if (options.ValidationSplit > 0)
            (fitIndices, validationIndices) = StratifiedSplit.Split(train.Labels(), options.ValidationSplit, options.Seed);
        else
            (fitIndices, validationIndices) = (Enumerable.Range(0, train.Count).ToArray(), Array.Empty<int>());

        using var fit = TensorData.From(train, fitIndices, device);
        using var validation = validationIndices.Length > 0 ? TensorData.From(train, validationIndices, device) : null;
        var counts = new int[train.Classes.Count];
        foreach (var i in fitIndices) counts[train.Samples[i].Label]++;
        var weights = options.ClassWeighted ? ClassWeights.Balanced(counts) : ClassWeights.Uniform(counts.Length);

        var trainer = new Trainer(network, options, device, context, checkpointDir);
        trainer.Fit(fit, validation, weights);
        return trainer.History;
    }

    /// <summary>
    /// Picks the cell count among candidates by accuracy on a stratified split of the training set (ties: lower
    /// validation loss, then fewer cells). The test set plays no part.
    /// </summary>
    int ChooseCells(TimeSeriesDataset train, PluginArguments args, TrainingOptions training, Device device, RunContext context)
    {
        var candidates = args.GetIntList("cells_candidates").Select(v => (int)v).Distinct().ToList();
        if (candidates.Count == 0) return args.GetInt("cells");
        if (candidates.Count == 1) return candidates[0];

        var (fitIdx, valIdx) = StratifiedSplit.Split(train.Labels(), args.GetDouble("selection_split"), context.Seed);
        var fitPart = train.WithSamples(fitIdx.Select(i => train.Samples[i]).ToArray());
        var valPart = train.WithSamples(valIdx.Select(i => train.Samples[i]).ToArray());
        var selectionTraining = training with { FineTuneRounds = 0, ValidationSplit = 0, Monitor = "loss" };
        var scores = new List<(int Cells, double Accuracy, double Loss)>();
        foreach (var cells in candidates)
        {
            CudaDevice.Seed(context.Seed);
            using var network = ClassifierNetwork.Create(NetworkFor(args, train, cells));
            network.to(device);
            Train(network, fitPart, selectionTraining, device, context, checkpointDir: null);
            using var val = TensorData.From(valPart, device);
            network.eval();
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var logits = network.forward(val.Inputs);
            double accuracy = logits.argmax(1).eq(val.Labels).sum().item<long>() / (double)val.Count;
            double loss = nn.functional.cross_entropy(logits, val.Labels).item<float>();
            scores.Add((cells, accuracy, loss));
            context.Log.Info($"cell selection: {cells} cells → validation accuracy {accuracy:F4}, loss {loss:F4} ({valPart.Count} held-out training series)");
        }
        var best = scores.OrderByDescending(s => s.Accuracy).ThenBy(s => s.Loss).ThenBy(s => s.Cells).First();
        context.Log.Info($"cell selection: chose {best.Cells} cells");
        return best.Cells;
    }
}

/// <summary>LSTM-FCN and ALSTM-FCN differ only in the recurrent cell.</summary>
public abstract class LstmFcnFamilyPlugin : DeepClassifierPlugin
{
    protected abstract bool Attention { get; }
    protected override IReadOnlyList<ParameterSpec> Declare() => DeepModelOptions.DeclareLstmFcn(Attention);
    protected override NetworkOptions NetworkFor(PluginArguments args, TimeSeriesDataset train, int cells) =>
        DeepModelOptions.LstmFcnNetwork(args, Attention, train.Channels, train.MaxLength, train.Classes.Count, cells);
    protected override bool ExportsAttention(PluginArguments args) => args.GetBool("export_attention");
}

/// <summary><c>lstm-fcn</c>: LSTM-FCN (Karim et al. 2017); with se/residual/head_units, the modern variant (MLSTM-FCN style).</summary>
public sealed class LstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => false;
    public override string Name => "lstm-fcn";
    public override string Description => "LSTM-FCN (Karim et al. 2017): FCN branch + LSTM on the dimension-shuffled series";
}

/// <summary><c>alstm-fcn</c>: ALSTM-FCN, the attention-LSTM variant whose attention/context values can be exported.</summary>
public sealed class AlstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => true;
    public override string Name => "alstm-fcn";
    public override string Description => "ALSTM-FCN (Karim et al. 2017): FCN branch + attention LSTM (exportable attention)";
}

/// <summary><c>cnn-lstm</c>: conv blocks with max-pooling, then an LSTM over time (the ECG seed report's network).</summary>
public sealed class CnnLstmPlugin : DeepClassifierPlugin
{
    public override string Name => "cnn-lstm";
    public override string Description => "CNN-LSTM: conv + BN + max-pool blocks, then an LSTM over the pooled sequence (the ECG seed report's network)";
    protected override IReadOnlyList<ParameterSpec> Declare() => DeepModelOptions.DeclareCnnLstm();
    protected override NetworkOptions NetworkFor(PluginArguments args, TimeSeriesDataset train, int cells)
    {
        var options = DeepModelOptions.CnnLstmNetwork(args, train.Channels, train.MaxLength, train.Classes.Count, cells);
        if (CnnLstmNetwork.PooledLength(options) < 1)
            throw new InvalidDataException($"{args.StepName}: {train.MaxLength} time steps, divided by pool_size {options.PoolSize} after each of " +
                                           $"{options.Filters.Length} conv blocks, leave no step for the LSTM; use fewer filters entries or a smaller pool_size");
        return options;
    }
}
