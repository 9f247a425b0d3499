using System.Diagnostics;
using LstmFcn.Pipeline;
using LstmFcn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Fit and load for the spectra networks. Binary classification with a sigmoid output and binary cross-entropy,
/// Adam with weight decay at a constant rate, final weights kept (no test data is used), through the shared torch
/// trainer. Sequence networks train on one ordered sequence per step (<see cref="SpectraSequences"/>), the others on
/// shuffled mini-batches.
/// </summary>
public abstract class SpectraModelPlugin<TOptions> : ModelPlugin<TOptions> where TOptions : SpectraOptions, new()
{
    protected override ITrainedModel Fit(TimeSeriesDataset train, TOptions options, RunContext context)
    {
        if (train.Classes.Count != 2)
            throw new InvalidDataException($"{options.Step}: a sigmoid phase classifier needs exactly 2 classes, the data has {train.Classes.Count}");
        if (!train.IsEqualLength || train.Channels != 1)
            throw new InvalidDataException($"{options.Step}: spectra must be one channel of one length (found {train.Channels} channel(s), {train.MinLength}..{train.MaxLength} points); crop them with two-theta-crop");

        var device = TorchRuntime.Prepare(context);
        var network = SpectraNetwork.Create(Name, train.MaxLength);
        network.to(device);
        var settings = new TrainedSpectraModel.Settings(Name, train.MaxLength, options.Positions == SpectraPositions.Experiment,
            options.Epochs, options.LearningRate, options.WeightDecay, options.BatchSize);
        context.Log.Info($"{Name}: {network.TrainableParameters():N0} trainable parameters for {train.MaxLength} points; {settings.Epochs} epochs, " +
                         $"Adam lr {settings.LearningRate:G3} wd {settings.WeightDecay:G3}, {(network.IsSequence ? "sequence" : "per-spectrum")} network, {get_num_threads()} thread(s)");
        var batches = new SpectraBatches(train, network.IsSequence, settings.Length, settings.ExperimentPositions, device);
        if (network.IsSequence)
            context.Log.Info($"{settings.Model}: {batches.SequenceCount} training sequence(s) of {string.Join("/", batches.SequenceLengths.Distinct())} spectra");
        var trainer = new NetworkTrainer(network, new SpectraObjective(network), new TrainingSettings
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            LearningRate = settings.LearningRate,
            WeightDecay = settings.WeightDecay,
            LearningRateFactor = 1, // a constant rate, as the paper trains
            KeepBest = false,       // the final weights, as the paper keeps them
            CheckpointEvery = options.CheckpointEvery,
            Seed = context.Seed,
        }, device, context, Path.Combine(context.RunDirectory, "checkpoint"));
        if (settings.Epochs > 0) trainer.Fit(batches, validation: null);
        var history = trainer.History;
        if (history.Epochs.Count > 0)
        {
            var last = history.Epochs[^1];
            context.Log.Info($"{settings.Model}: trained {history.Epochs.Count} epochs in {history.Epochs.Sum(e => e.Seconds):F1} s; last loss {last.TrainLoss:F4}, accuracy {last.TrainAccuracy:F4}");
        }
        return new TrainedSpectraModel(network, settings, train.Classes, history, device);
    }

    public override ITrainedModel Load(string directory, RunContext context) => TrainedSpectraModel.Load(directory, context);
}
