using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Options;
using LstmFcn.Plugins.Deep.Training;
using LstmFcn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Deep;

/// <summary>
/// Fit and load for the deep classifiers (LSTM-FCN, ALSTM-FCN, CNN-LSTM): one training recipe, cell selection on a
/// split of train, save and load; the subclasses build their network's options from their options record.
/// </summary>
public abstract class DeepClassifierPlugin<TOptions> : ModelPlugin<TOptions> where TOptions : DeepTrainingOptions, new()
{
    /// <summary>The network for this data and cell count.</summary>
    protected abstract NetworkOptions NetworkFor(TOptions options, TimeSeriesDataset train, int cells);

    /// <summary>The cell count the options ask for when no candidates are given.</summary>
    protected abstract int CellsOf(TOptions options);

    protected override ITrainedModel Fit(TimeSeriesDataset train, TOptions options, RunContext context)
    {
        if (!train.IsEqualLength)
            throw new InvalidDataException($"{options.Step}: series lengths vary ({train.MinLength}..{train.MaxLength}); add a 'fixed-length' preprocessing step");

        NativeMemory.TuneForTensors();
        var device = TorchRuntime.Prepare(context);
        var training = Settings(options, context.Seed);
        int cells = ChooseCells(train, options, training, device, context);
        var networkOptions = NetworkFor(options, train, cells);
        context.Log.Info($"{Name}: {cells} cells, {training.Epochs} epochs, batch {training.BatchSize}, on {device.type.ToString().ToLowerInvariant()} " +
                         $"with {get_num_threads()} thread(s)");

        CudaDevice.Seed(context.Seed);
        var network = ClassifierNetwork.Create(networkOptions);
        network.to(device);
        var history = Train(network, train, options, training, device, context, Path.Combine(context.RunDirectory, "checkpoint"));
        var hyper = OptionsSchema<TOptions>.Arguments(options, options.Step).Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        hyper["cells"] = (long)cells;
        return new TrainedNetwork(network, device, train.Classes, history, hyper);
    }

    public override ITrainedModel Load(string directory, RunContext context) => TrainedNetwork.Load(directory, context);

    /// <summary>Karim et al.'s recipe as the options give it.</summary>
    static TrainingSettings Settings(TOptions o, int seed) => new()
    {
        Epochs = o.Epochs,
        BatchSize = o.BatchSize,
        LearningRate = o.LearningRate,
        LearningRateFactor = o.LrFactor,
        LearningRatePatience = o.LrPatience,
        MinLearningRate = o.MinLr,
        MonitorValidation = o.Monitor == TrainingMonitor.ValLoss,
        EarlyStoppingPatience = o.EarlyStopping,
        FineTuneRounds = o.FinetuneRounds,
        FineTuneEpochs = o.FinetuneEpochs,
        CheckpointEvery = o.CheckpointEvery,
        AveragedEpochs = o.SwaEpochs,
        Seed = seed,
    };

    static TrainingHistory Train(ClassifierNetwork network, TimeSeriesDataset train, TOptions options, TrainingSettings settings, Device device,
        RunContext context, string? checkpointDir)
    {
        int[] fitIndices, validationIndices;
        if (options.ValidationSplit > 0)
            // Random(seed), as since the split was added: it decides which series validate on every committed run.
            (fitIndices, validationIndices) = StratifiedSplit.Split(train.Labels(), options.ValidationSplit, new Random(settings.Seed));
        else
            (fitIndices, validationIndices) = (Enumerable.Range(0, train.Count).ToArray(), Array.Empty<int>());

        using var fit = TensorData.From(train, fitIndices, device);
        using var validation = validationIndices.Length > 0 ? TensorData.From(train, validationIndices, device) : null;
        var counts = new int[train.Classes.Count];
        foreach (var i in fitIndices) counts[train.Samples[i].Label]++;
        using var weights = tensor(options.ClassWeights ? ClassWeights.Balanced(counts) : ClassWeights.Uniform(counts.Length)).to(device);

        var trainer = new NetworkTrainer(network, new ClassifierObjective(network, weights, options.LabelSmoothing), settings, device, context, checkpointDir);
        trainer.Fit(new TensorBatches(fit), validation is null ? null : new TensorBatches(validation));
        if (options.BnRecalibrate) BatchNormRecalibration.Run(network, fit, settings.BatchSize);
        return trainer.History;
    }

    /// <summary>
    /// Picks the cell count among candidates by accuracy on a stratified split of the training set (ties: lower
    /// validation loss, then fewer cells). The test set plays no part.
    /// </summary>
    int ChooseCells(TimeSeriesDataset train, TOptions options, TrainingSettings training, Device device, RunContext context)
    {
        var candidates = options.CellsCandidates.Distinct().ToList();
        if (candidates.Count == 0) return CellsOf(options);
        if (candidates.Count == 1) return candidates[0];

        // Random(seed), as since cell selection was added: it decides the cells of the committed reproduction.
        var (fitIdx, valIdx) = StratifiedSplit.Split(train.Labels(), options.SelectionSplit, new Random(context.Seed));
        var fitPart = train.WithSamples(fitIdx.Select(i => train.Samples[i]).ToArray());
        var valPart = train.WithSamples(valIdx.Select(i => train.Samples[i]).ToArray());
        var selectionOptions = options with { FinetuneRounds = 0, ValidationSplit = 0, Monitor = TrainingMonitor.Loss };
        var selectionTraining = training with { FineTuneRounds = 0, MonitorValidation = false };
        var scores = new List<(int Cells, double Accuracy, double Loss)>();
        foreach (var cells in candidates)
        {
            CudaDevice.Seed(context.Seed);
            using var network = ClassifierNetwork.Create(NetworkFor(options, train, cells));
            network.to(device);
            Train(network, fitPart, selectionOptions, selectionTraining, device, context, checkpointDir: null);
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
public abstract class LstmFcnFamilyPlugin : DeepClassifierPlugin<LstmFcnOptions>
{
    protected abstract bool Attention { get; }
    protected override int CellsOf(LstmFcnOptions options) => options.Cells;

    protected override NetworkOptions NetworkFor(LstmFcnOptions o, TimeSeriesDataset train, int cells) => new()
    {
        Architecture = NetworkArchitecture.LstmFcn,
        Channels = train.Channels,
        Length = train.MaxLength,
        Classes = train.Classes.Count,
        Filters = o.Filters.ToArray(),
        Kernels = o.Kernels.ToArray(),
        LstmCells = cells,
        LstmDropout = o.Dropout,
        View = o.LstmView,
        Attention = Attention,
        SqueezeExcitation = o.Se,
        SqueezeRatio = o.SeRatio,
        Residual = o.Residual,
        HeadUnits = o.HeadUnits,
        HeadDropout = o.HeadDropout,
    };
}

/// <summary><c>lstm-fcn</c>: LSTM-FCN (Karim et al. 2017); with se/residual/head_units, the modern variant (MLSTM-FCN style).</summary>
public sealed class LstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => false;
    public override string Name => "lstm-fcn";
    public override string Description => "LSTM-FCN (Karim et al. 2017): FCN branch + LSTM on the dimension-shuffled series";
}

/// <summary><c>alstm-fcn</c>: ALSTM-FCN, the attention-LSTM variant whose attention the <c>attention</c> reporter exports.</summary>
public sealed class AlstmFcnPlugin : LstmFcnFamilyPlugin
{
    protected override bool Attention => true;
    public override string Name => "alstm-fcn";
    public override string Description => "ALSTM-FCN (Karim et al. 2017): FCN branch + attention LSTM (its attention: the attention reporter)";
}

/// <summary><c>cnn-lstm</c>: conv blocks with max-pooling, then an LSTM over time (the ECG seed report's network).</summary>
public sealed class CnnLstmPlugin : DeepClassifierPlugin<CnnLstmOptions>
{
    public override string Name => "cnn-lstm";
    public override string Description => "CNN-LSTM: conv + BN + max-pool blocks, then an LSTM over the pooled sequence (the ECG seed report's network)";
    protected override int CellsOf(CnnLstmOptions options) => options.Cells;

    protected override NetworkOptions NetworkFor(CnnLstmOptions o, TimeSeriesDataset train, int cells)
    {
        var options = new NetworkOptions
        {
            Architecture = NetworkArchitecture.CnnLstm,
            Channels = train.Channels,
            Length = train.MaxLength,
            Classes = train.Classes.Count,
            Filters = o.Filters.ToArray(),
            Kernels = o.Kernels.ToArray(),
            LstmCells = cells,
            LstmDropout = o.Dropout,
            PoolSize = o.PoolSize,
        };
        if (CnnLstmNetwork.PooledLength(options) < 1)
            throw new InvalidDataException($"{o.Step}: {train.MaxLength} time steps, divided by pool_size {options.PoolSize} after each of " +
                                           $"{options.Filters.Length} conv blocks, leave no step for the LSTM; use fewer filters entries or a smaller pool_size");
        return options;
    }
}

/// <summary>
/// <c>ecg-residual-cnn</c>: a 1-D residual CNN on the raw signal in the style of Hannun et al. 2019 (stem, residual
/// blocks with filters doubling and the time axis halving, global average pooling), sized by default for a CPU.
/// </summary>
public sealed class ResidualCnnPlugin : DeepClassifierPlugin<ResidualCnnOptions>
{
    public override string Name => "ecg-residual-cnn";
    public override string Description => "1-D residual CNN (Hannun et al. 2019 style): conv stem, residual blocks doubling filters and halving time, global average pool";
    protected override int CellsOf(ResidualCnnOptions options) => 0;

    protected override NetworkOptions NetworkFor(ResidualCnnOptions o, TimeSeriesDataset train, int cells) => new()
    {
        Architecture = NetworkArchitecture.ResidualCnn,
        Channels = train.Channels,
        Length = train.MaxLength,
        Classes = train.Classes.Count,
        Filters = new[] { o.Filters },
        Kernels = new[] { o.Kernel },
        LstmCells = 0,
        ResidualBlocks = o.Blocks,
        DoubleEvery = o.DoubleEvery,
        PoolEvery = o.PoolEvery,
        BlockDropout = o.Dropout,
        HeadDropout = o.HeadDropout,
    };
}
