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

/// <summary>SC/SCT attention: the paper's learning rate 8e-3 and weight decay 2e-4.</summary>
public abstract class AttentionSpectraPlugin : SpectraModelPlugin<AttentionSpectraOptions>;

/// <summary>The paper's comparison models: learning rate 2e-3, weight decay 2e-5.</summary>
public abstract class ComparisonSpectraPlugin : SpectraModelPlugin<ComparisonSpectraOptions>;

/// <summary><c>sct-attention</c>: convolutional spatial-channel-temporal attention (Sun et al. 2021).</summary>
public sealed class SctAttentionPlugin : AttentionSpectraPlugin
{
    public override string Name => "sct-attention";
    public override string Description => "Convolutional SCT attention (Sun et al. 2021): spatial + channel attention per spectrum, temporal attention across the sequence";
}

/// <summary><c>sc-attention</c>: SCT without the temporal branch.</summary>
public sealed class ScAttentionPlugin : AttentionSpectraPlugin
{
    public override string Name => "sc-attention";
    public override string Description => "Convolutional SC attention (Sun et al. 2021): SCT without the temporal branch";
}

/// <summary><c>spectra-fcnn</c>: the paper's 1D fully connected network.</summary>
public sealed class SpectraFcnnPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-fcnn";
    public override string Description => "1D-FCNN baseline of Sun et al. 2021: dense 256-512-64 with LayerNorm";
}

/// <summary><c>spectra-cnn</c>: the paper's small CNN.</summary>
public sealed class SpectraCnnPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-cnn";
    public override string Description => "CNN baseline of Sun et al. 2021: LayerNorm, conv 64/64/4 with BN+ReLU+MaxPool, LayerNorm + dense";
}

/// <summary><c>spectra-resnet</c>: the paper's multi-scale ResNet.</summary>
public sealed class SpectraResNetPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-resnet";
    public override string Description => "multi-scale 1D ResNet baseline of Sun et al. 2021: kernels 3/5/7, 3 residual blocks per stream, streams added";
}

/// <summary><c>spectra-lstm</c>: the paper's LSTM.</summary>
public sealed class SpectraLstmPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-lstm";
    public override string Description => "LSTM baseline of Sun et al. 2021: dense 512 embedding, 2-layer LSTM 512 along the sequence of spectra";
}

/// <summary><c>spectra-transformer</c>: the paper's Transformer encoder.</summary>
public sealed class SpectraTransformerPlugin : ComparisonSpectraPlugin
{
    public override string Name => "spectra-transformer";
    public override string Description => "Transformer baseline of Sun et al. 2021: embedding 256, positional encoding, 2 encoder layers of 8 heads";
}
