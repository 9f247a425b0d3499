using System.Text.Json;
using LstmFcn.Pipeline;
using LstmFcn.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>A trained spectra network: P(second class) per spectrum, saved as weights + JSON, loaded back.</summary>
public sealed class TrainedSpectraModel : ITrainedModel
{
    public sealed record Settings(string Model, int Length, bool ExperimentPositions, int Epochs, double LearningRate,
        double WeightDecay, int BatchSize);

    sealed record Metadata(Settings Settings, List<string> Classes, long TrainableParameters, int EpochsTrained,
        string TorchSharp, string CreatedUtc);

    readonly Device _device;

    public TrainedSpectraModel(SpectraNetwork network, Settings settings, ClassLabels classes, TrainingHistory history, Device device)
    {
        Network = network;
        Options = settings;
        Classes = classes;
        History = history;
        _device = device;
    }

    public SpectraNetwork Network { get; }
    public Settings Options { get; }
    public ClassLabels Classes { get; }
    public TrainingHistory History { get; }
    public long TrainableParameters => Network.TrainableParameters();

    /// <summary>Sequence networks see the whole dataset as one sequence; the others go by 256 spectra.</summary>
    IEnumerable<int[]> Batches(TimeSeriesDataset data) =>
        Network.IsSequence ? new[] { Enumerable.Range(0, data.Count).ToArray() } : Enumerable.Range(0, data.Count).Chunk(256);

    public ProbabilityMatrix PredictProbabilities(TimeSeriesDataset data, RunContext context)
    {
        var result = new float[data.Count * 2];
        Network.eval();
        using var _ = no_grad();
        foreach (var batch in Batches(data))
        {
            using var scope = NewDisposeScope();
            var (x, _) = SpectraSequences.Tensors(data, batch, Options.Length, _device);
            var positions = SpectraSequences.Positions(data, batch, Options.ExperimentPositions, _device);
            var p = torch.sigmoid(Network.Logits(x, positions, null)).cpu().data<float>().ToArray();
            for (int i = 0; i < batch.Length; i++)
            {
                result[2 * batch[i]] = 1 - p[i];
                result[2 * batch[i] + 1] = p[i];
            }
        }
        return new ProbabilityMatrix(result, data.Count, Classes);
    }

    /// <summary>Attention maps of the whole dataset as one forward pass (eval mode): spatial and channel averaged over spectra.</summary>
    public (float[,]? Spatial, float[,]? Channel, float[,]? Temporal) Attention(TimeSeriesDataset data)
    {
        Network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var all = Enumerable.Range(0, data.Count).ToArray();
        var (x, _) = SpectraSequences.Tensors(data, all, Options.Length, _device);
        var positions = SpectraSequences.Positions(data, all, Options.ExperimentPositions, _device);
        var capture = new AttentionCapture();
        Network.Logits(x, positions, capture);
        return (ToArray(capture.Spatial), ToArray(capture.Channel), ToArray(capture.Temporal));
    }

    /// <summary>
    /// Input gradients for gradient feature importance: ∂(evidence for the spectrum's own class)/∂input, one row per
    /// spectrum (L × N), where the evidence is +logit for the second class and −logit for the first. Sequence networks
    /// see the spectra as one sequence, as in training.
    /// </summary>
    public float[,] InputGradients(TimeSeriesDataset data)
    {
        Network.eval();
        using var scope = NewDisposeScope();
        var all = Enumerable.Range(0, data.Count).ToArray();
        var (x, y) = SpectraSequences.Tensors(data, all, Options.Length, _device);
        var positions = SpectraSequences.Positions(data, all, Options.ExperimentPositions, _device);
        x.requires_grad_(true);
        var logits = Network.Logits(x, positions, null);
        (logits * (y * 2 - 1)).sum().backward();
        var gradients = ToArray(x.grad!.detach())!;
        Network.zero_grad();
        return gradients;
    }

    static float[,]? ToArray(Tensor? t)
    {
        if (t is null) return null;
        var cpu = t.cpu();
        int r = (int)cpu.shape[0], c = (int)cpu.shape[1];
        var flat = cpu.data<float>().ToArray();
        var result = new float[r, c];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    static readonly JsonSerializerOptions MetadataJson = new() { WriteIndented = true };

    public void Save(string directory) =>
        SavedNetwork.Save(directory, Network, new Metadata(Options, Classes.Names.ToList(), TrainableParameters, History.Epochs.Count,
            typeof(torch).Assembly.GetName().Version?.ToString() ?? "", DateTime.UtcNow.ToString("O")), MetadataJson);

    public static TrainedSpectraModel Load(string directory, RunContext context)
    {
        var meta = SavedNetwork.ReadMetadata<Metadata>(directory, "spectra", MetadataJson);
        var device = TorchRuntime.Prepare(context);
        var network = SpectraNetwork.Create(meta.Settings.Model, meta.Settings.Length);
        SavedNetwork.LoadWeights(network, directory);
        network.to(device);
        return new TrainedSpectraModel(network, meta.Settings, new ClassLabels(meta.Classes), TrainingHistory.Empty, device);
    }

    public void Dispose() => Network.Dispose();
}
