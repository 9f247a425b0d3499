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
