using System.Diagnostics;
using LstmFcn.Pipeline;
using LstmFcn.TorchLayers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>
/// Fit and load for the spectra networks. Binary classification with a sigmoid output and binary cross-entropy,
/// Adam with weight decay, final weights kept (no test data is used). Sequence networks train on one ordered sequence
/// per step (<see cref="SpectraSequences"/>), in a seeded shuffled order; the others on shuffled mini-batches.
/// </summary>
public abstract class SpectraModelPlugin : IModelPlugin
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    protected virtual double LearningRate => 2e-3;
    protected virtual double WeightDecay => 2e-5;

    public IReadOnlyList<ParameterSpec> Parameters => _parameters ??= new[]
    {
        ParameterSpec.Int("epochs", 30, "passes over the training set", min: 0),
        ParameterSpec.Number("learning_rate", LearningRate, "Adam learning rate", min: 0),
        ParameterSpec.Number("weight_decay", WeightDecay, "Adam weight decay (L2)", min: 0),
        ParameterSpec.Int("batch_size", 32, "spectra per step for non-sequence networks (sequence networks take one sequence per step)", min: 1),
        ParameterSpec.Choice("positions", "sequence", "positional encoding of sequence networks: order within the sequence (the paper) or the loader's experiment index", "sequence", "experiment"),
    };
    IReadOnlyList<ParameterSpec>? _parameters;

    public ITrainedModel Fit(TimeSeriesDataset train, PluginArguments args, RunContext context)
    {
        if (train.Count == 0) throw new InvalidDataException($"{args.StepName}: the training set is empty");
        if (train.Classes.Count != 2)
            throw new InvalidDataException($"{args.StepName}: a sigmoid phase classifier needs exactly 2 classes, the data has {train.Classes.Count}");
        if (!train.IsEqualLength || train.Channels != 1)
            throw new InvalidDataException($"{args.StepName}: spectra must be one channel of one length (found {train.Channels} channel(s), {train.MinLength}..{train.MaxLength} points); crop them with two-theta-crop");
        if (train.Samples.Any(s => s.Label < 0)) throw new InvalidDataException($"{args.StepName}: every training spectrum needs a label");

        var device = TorchRuntime.Prepare(context);
        var network = SpectraNetwork.Create(Name, train.MaxLength);
        network.to(device);
        var settings = new TrainedSpectraModel.Settings(Name, train.MaxLength, args.GetString("positions") == "experiment",
            args.GetInt("epochs"), args.GetDouble("learning_rate"), args.GetDouble("weight_decay"), args.GetInt("batch_size"));
        context.Log.Info($"{Name}: {network.TrainableParameters():N0} trainable parameters for {train.MaxLength} points; {settings.Epochs} epochs, " +
                         $"Adam lr {settings.LearningRate:G3} wd {settings.WeightDecay:G3}, {(network.IsSequence ? "sequence" : "per-spectrum")} network, {get_num_threads()} thread(s)");
        var history = Train(network, train, settings, device, context);
        return new TrainedSpectraModel(network, settings, train.Classes, history, device);
    }

    public ITrainedModel Load(string directory, RunContext context) => TrainedSpectraModel.Load(directory, context);

    static TrainingHistory Train(SpectraNetwork network, TimeSeriesDataset train, TrainedSpectraModel.Settings settings, Device device, RunContext context)
    {
        var history = new TrainingHistory();
        List<int[]> sequences = network.IsSequence ? SpectraSequences.Training(train) : new List<int[]>();
        if (network.IsSequence)
            context.Log.Info($"{settings.Model}: {sequences.Count} training sequence(s) of {string.Join("/", sequences.Select(b => b.Length).Distinct())} spectra");
        using var optimizer = optim.Adam(network.parameters(), lr: settings.LearningRate, weight_decay: settings.WeightDecay);
        var random = new Random(context.Seed);
        using var bar = context.Progress.Start($"{settings.Model} training", settings.Epochs);
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            network.train();
            List<int[]> batches;
            if (network.IsSequence)
            {
                batches = sequences.ToList();
                Shuffle(batches, random);
            }
            else
            {
                var order = Enumerable.Range(0, train.Count).ToArray();
                Shuffle(order, random);
                batches = order.Chunk(settings.BatchSize).ToList();
            }
            double lossSum = 0;
            long correct = 0, seen = 0;
            foreach (var batch in batches)
            {
                using var scope = NewDisposeScope();
                var (x, y) = SpectraSequences.Tensors(train, batch, settings.Length, device);
                var positions = SpectraSequences.Positions(train, batch, settings.ExperimentPositions, device);
                optimizer.zero_grad();
                var logits = network.Logits(x, positions, null);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, y);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * batch.Length;
                correct += logits.gt(0).to_type(ScalarType.Float32).eq(y).sum().item<long>();
                seen += batch.Length;
            }
            double meanLoss = lossSum / seen, accuracy = correct / (double)seen;
            history.Add(new EpochRecord(epoch, meanLoss, accuracy, double.NaN, double.NaN, settings.LearningRate, clock.Elapsed.TotalSeconds));
            bar.Report(epoch, $"loss {meanLoss:F4} acc {accuracy:F3}");
            if (!double.IsFinite(meanLoss)) throw new ArithmeticException($"{settings.Model}: the training loss became {meanLoss} at epoch {epoch}; lower the learning rate");
        }
        if (history.Epochs.Count > 0)
        {
            var last = history.Epochs[^1];
            context.Log.Info($"{settings.Model}: trained {history.Epochs.Count} epochs in {history.Epochs.Sum(e => e.Seconds):F1} s; last loss {last.TrainLoss:F4}, accuracy {last.TrainAccuracy:F4}");
        }
        return history;
    }

    static void Shuffle<T>(IList<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary><c>sct-attention</c>: convolutional spatial-channel-temporal attention (Sun et al. 2021).</summary>
public sealed class SctAttentionPlugin : SpectraModelPlugin
{
    public override string Name => "sct-attention";
    public override string Description => "Convolutional SCT attention (Sun et al. 2021): spatial + channel attention per spectrum, temporal attention across the sequence";
    protected override double LearningRate => 8e-3;
    protected override double WeightDecay => 2e-4;
}

/// <summary><c>sc-attention</c>: SCT without the temporal branch.</summary>
public sealed class ScAttentionPlugin : SpectraModelPlugin
{
    public override string Name => "sc-attention";
    public override string Description => "Convolutional SC attention (Sun et al. 2021): SCT without the temporal branch";
    protected override double LearningRate => 8e-3;
    protected override double WeightDecay => 2e-4;
}

/// <summary><c>spectra-fcnn</c>: the paper's 1D fully connected network.</summary>
public sealed class SpectraFcnnPlugin : SpectraModelPlugin
{
    public override string Name => "spectra-fcnn";
    public override string Description => "1D-FCNN baseline of Sun et al. 2021: dense 256-512-64 with LayerNorm";
}

/// <summary><c>spectra-cnn</c>: the paper's small CNN.</summary>
public sealed class SpectraCnnPlugin : SpectraModelPlugin
{
    public override string Name => "spectra-cnn";
    public override string Description => "CNN baseline of Sun et al. 2021: LayerNorm, conv 64/64/4 with BN+ReLU+MaxPool, LayerNorm + dense";
}

/// <summary><c>spectra-resnet</c>: the paper's multi-scale ResNet.</summary>
public sealed class SpectraResNetPlugin : SpectraModelPlugin
{
    public override string Name => "spectra-resnet";
    public override string Description => "multi-scale 1D ResNet baseline of Sun et al. 2021: kernels 3/5/7, 3 residual blocks per stream, streams added";
}

/// <summary><c>spectra-lstm</c>: the paper's LSTM.</summary>
public sealed class SpectraLstmPlugin : SpectraModelPlugin
{
    public override string Name => "spectra-lstm";
    public override string Description => "LSTM baseline of Sun et al. 2021: dense 512 embedding, 2-layer LSTM 512 along the sequence of spectra";
}

/// <summary><c>spectra-transformer</c>: the paper's Transformer encoder.</summary>
public sealed class SpectraTransformerPlugin : SpectraModelPlugin
{
    public override string Name => "spectra-transformer";
    public override string Description => "Transformer baseline of Sun et al. 2021: embedding 256, positional encoding, 2 encoder layers of 8 heads";
}
