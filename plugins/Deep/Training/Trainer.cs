using System.Diagnostics;
using System.Text.Json;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using TorchSharp;
using static TorchSharp.torch;
using LstmFcn.Pipeline.Seeding;
using LstmFcn.TorchLayers;

namespace LstmFcn.Plugins.Deep.Training;

/// <summary>
/// Trains a network with the LSTM-FCN recipe: class-weighted cross-entropy, Adam, plateau LR schedule, best weights
/// by the monitored value (training loss by default; never anything measured on the test set), optional early stop,
/// then K fine-tuning rounds that restart from the best weights with the rate halved each round and the batch halved
/// every other round. With weight averaging a round keeps the mean of its last epochs' weights instead of the best.
/// Checkpoints allow a killed run to resume where it stopped.
/// </summary>
public sealed class Trainer
{
    readonly ClassifierNetwork _network;
    readonly TrainingOptions _options;
    readonly Device _device;
    readonly RunContext _context;
    readonly string? _checkpointDir;
    readonly Dictionary<string, Tensor> _best = new();
    readonly WeightAverage _average = new();

    public Trainer(ClassifierNetwork network, TrainingOptions options, Device device, RunContext context, string? checkpointDir)
    {
        (_network, _options, _device, _context, _checkpointDir) = (network, options, device, context, checkpointDir);
    }

    public TrainingHistory History { get; } = new();

    // Validation figures are NaN when there is no validation split.
    static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    sealed record CheckpointState(int Round, int Epoch, double Rate, double ScheduleBest, int ScheduleWait,
        double BestMonitor, int BestEpoch, int EarlyWait, List<EpochRecord> History, int AveragedCount = 0);

    public void Fit(TensorData train, TensorData? validation, float[] classWeights)
    {
        using var weights = tensor(classWeights).to(_device);
        var resume = _checkpointDir is null ? null : TryLoadCheckpoint();
        int firstRound = resume?.Round ?? 0;
        if (resume is not null)
            foreach (var e in resume.History) History.Add(e);

        for (int round = firstRound; round <= _options.FineTuneRounds; round++)
        {
            double rate = _options.LearningRate / Math.Pow(2, round);
            int batch = Math.Max(1, _options.BatchSize >> (round / 2));
            int epochs = round == 0 || _options.FineTuneEpochs == 0 ? _options.Epochs : _options.FineTuneEpochs;
            var roundResume = resume is not null && resume.Round == round ? resume : null;
            RunRound(round, rate, batch, epochs, train, validation, weights, roundResume);
            LoadBest();
            if (round < _options.FineTuneRounds)
                _context.Log.Info($"Fine-tuning round {round + 1}/{_options.FineTuneRounds}: lr {rate / 2:G3}, batch {Math.Max(1, _options.BatchSize >> ((round + 1) / 2))}");
        }
        foreach (var t in _best.Values) t.Dispose();
        _best.Clear();
        _average.Dispose();
        if (_options.RecalibrateBatchNorm) BatchNormRecalibration.Run(_network, train, _options.BatchSize);
    }

    void RunRound(int round, double rate, int batch, int epochs, TensorData train, TensorData? validation, Tensor weights,
        CheckpointState? resume)
    {
        using var optimizer = optim.Adam(_network.parameters(), lr: rate);
        var schedule = new PlateauSchedule(rate, _options.LearningRateFactor, _options.LearningRatePatience, _options.MinLearningRate);
        double bestMonitor = double.PositiveInfinity;
        int bestEpoch = 0, earlyWait = 0, start = 1;
        if (resume is not null)
        {
            schedule.Restore(resume.Rate, resume.ScheduleBest, resume.ScheduleWait);
            SetRate(optimizer, resume.Rate);
            (bestMonitor, bestEpoch, earlyWait, start) = (resume.BestMonitor, resume.BestEpoch, resume.EarlyWait, resume.Epoch + 1);
            var optimizerState = Path.Combine(_checkpointDir!, "optimizer.bin");
            if (File.Exists(optimizerState)) optimizer.load_state_dict(optimizerState);
            _context.Log.Info($"Resuming round {round} at epoch {start} (best {_options.Monitor} {bestMonitor:F5} at epoch {bestEpoch})");
        }
        else SnapshotBest(); // a round that never improves still has weights to return
        // The average is empty here (every round that fills it clears it when it ends) unless a checkpoint restored it.
        int firstAveraged = epochs - Math.Min(_options.AveragedEpochs, epochs) + 1;

        var label = round == 0 ? "training" : $"fine-tuning {round}/{_options.FineTuneRounds}";
        using var bar = _context.Progress.Start($"{label} ({epochs} epochs)", epochs);
        for (int epoch = start; epoch <= epochs; epoch++)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var (trainLoss, trainAcc) = TrainEpoch(optimizer, train, weights, batch, round, epoch);
            var seconds = clock.Elapsed.TotalSeconds;
            var (valLoss, valAcc) = validation is null ? (double.NaN, double.NaN) : Evaluate(validation, weights);
            double monitored = _options.Monitor == "val_loss" ? valLoss : trainLoss;

            if (monitored < bestMonitor)
            {
                bestMonitor = monitored;
                bestEpoch = epoch;
                earlyWait = 0;
                SnapshotBest();
            }
            else earlyWait++;
            if (schedule.Step(monitored)) SetRate(optimizer, schedule.Rate);
            if (_options.AveragedEpochs > 0 && epoch >= firstAveraged) _average.Add(_network.state_dict());

            History.Add(new EpochRecord(History.Epochs.Count + 1, trainLoss, trainAcc, valLoss, valAcc, schedule.Rate, seconds, round));
            bar.Report(epoch, $"loss {trainLoss:F4} acc {trainAcc:F3}" + (validation is null ? "" : $" val {valLoss:F4}/{valAcc:F3}") + $" lr {schedule.Rate:G3}");

            bool stop = _options.EarlyStoppingPatience > 0 && earlyWait >= _options.EarlyStoppingPatience;
            if (_checkpointDir is not null && (epoch % _options.CheckpointEvery == 0 || epoch == epochs || stop))
                SaveCheckpoint(optimizer, new CheckpointState(round, epoch, schedule.Rate, schedule.Best, schedule.Wait,
                    bestMonitor, bestEpoch, earlyWait, History.Epochs.ToList(), _average.Count));
            if (stop)
            {
                _context.Log.Info($"Early stop at epoch {epoch}: no better {_options.Monitor} for {earlyWait} epochs");
                break;
            }
        }
        _context.Log.Info($"{label}: best {_options.Monitor} {bestMonitor:F5} at epoch {bestEpoch}");
        if (_average.Count > 0)
        {
            // The averaged weights replace the best ones as what the round returns (Fit loads them).
            _average.CopyInto(_best);
            _context.Log.Info($"{label}: keeping the mean of the weights of epochs {firstAveraged}–{firstAveraged + _average.Count - 1}");
            _average.Clear();
        }
    }

    (double Loss, double Accuracy) TrainEpoch(TorchSharp.Modules.OptimizerHelper optimizer, TensorData train, Tensor weights, int batch, int round, int epoch)
    {
        _network.train();
        using var scope = NewDisposeScope();
        // The epoch's sums stay on the device and are read once at its end: reading them per batch would make the
        // host wait for every step on a GPU. Each batch's loss × size in float32, summed in float64 in batch order:
        // the sums the host made when it read them per batch.
        var lossSum = zeros(1, dtype: float64, device: _device);
        var correct = zeros(1, dtype: int64, device: _device);
        if (train.Count <= batch)
        {
            // One batch holds everything: its order changes nothing batch norm sees, so no shuffle copy is made.
            Step(optimizer, train.Inputs, train.Labels, weights, lossSum, correct);
        }
        else
        {
            // The whole epoch's order goes to the device at once; batches are slices of it.
            var order = tensor(Permutation(train.Count, round, epoch)).to(_device);
            for (int startIndex = 0; startIndex < train.Count; startIndex += batch)
            {
                int size = Math.Min(batch, train.Count - startIndex);
                using var batchScope = NewDisposeScope();
                var index = order.narrow(0, startIndex, size);
                Step(optimizer, train.Inputs.index_select(0, index), train.Labels.index_select(0, index), weights, lossSum, correct);
            }
        }
        return (lossSum.item<double>() / train.Count, correct.item<long>() / (double)train.Count);
    }

    /// <summary>One optimiser step; adds the batch's summed loss and number of correct predictions to the epoch's sums.</summary>
    void Step(TorchSharp.Modules.OptimizerHelper optimizer, Tensor x, Tensor y, Tensor weights, Tensor lossSum, Tensor correct)
    {
        optimizer.zero_grad();
        var logits = _network.forward(x);
        // Keras class_weight semantics: mean over the batch of weight[label] · cross-entropy.
        var perSample = nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.None, label_smoothing: _options.LabelSmoothing);
        var loss = (perSample * weights.index_select(0, y)).mean();
        loss.backward();
        optimizer.step();
        using (no_grad())
        {
            lossSum.add_(loss.detach().mul(x.shape[0]).to(float64));
            correct.add_(logits.argmax(1).eq(y).sum());
        }
    }

    (double Loss, double Accuracy) Evaluate(TensorData data, Tensor weights)
    {
        _network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var logits = _network.forward(data.Inputs);
        var loss = (nn.functional.cross_entropy(logits, data.Labels, reduction: nn.Reduction.None) * weights.index_select(0, data.Labels)).mean();
        return (loss.item<float>(), logits.argmax(1).eq(data.Labels).sum().item<long>() / (double)data.Count);
    }

    /// <summary>
    /// The epoch's sample order, a function of (seed, round, epoch) only, so a resumed run sees the same batches and
    /// another process the same order (HashCode.Combine would not do: .NET seeds it randomly per process).
    /// </summary>
    long[] Permutation(int count, int round, int epoch)
    {
        var rng = new Random(StableSeed(_options.Seed, round, epoch));
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        rng.Shuffle(order);
        return order;
    }

    /// <summary>SplitMix64 over the values: well mixed, and the same in every process.</summary>
    internal static int StableSeed(params int[] values)
    {
        ulong x = 0x9E3779B97F4A7C15UL;
        foreach (var v in values) x = SplitMix.Mix(x ^ (uint)v);
        return (int)(SplitMix.Mix(x) & 0x7FFFFFFF);
    }

    static void SetRate(TorchSharp.Modules.OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }

    void SnapshotBest()
    {
        using var _ = no_grad();
        foreach (var (name, value) in _network.state_dict())
        {
            if (_best.TryGetValue(name, out var copy)) copy.copy_(value);
            else
            {
                using var detached = value.detach();
                _best[name] = detached.clone();
            }
        }
    }

    void LoadBest()
    {
        using var _ = no_grad();
        foreach (var (name, value) in _network.state_dict()) value.copy_(_best[name]);
    }

    void SaveCheckpoint(TorchSharp.Modules.OptimizerHelper optimizer, CheckpointState state)
    {
        // Build the new checkpoint beside the old one; state.json is written last, so a folder with it is complete.
        var next = _checkpointDir + ".next";
        if (Directory.Exists(next)) Directory.Delete(next, true);
        Directory.CreateDirectory(next);
        StateFile.Write(Path.Combine(next, "weights.bin"), _network.state_dict());
        StateFile.Write(Path.Combine(next, "best.bin"), _best);
        if (_average.Count > 0) StateFile.Write(Path.Combine(next, "average.bin"), _average.Mean);
        using (var rng = get_rng_state())
            StateFile.Write(Path.Combine(next, "rng.bin"), new Dictionary<string, Tensor> { ["cpu"] = rng });
        optimizer.save_state_dict(Path.Combine(next, "optimizer.bin"));
        File.WriteAllText(Path.Combine(next, "state.json"), JsonSerializer.Serialize(state, StateJson));
        if (Directory.Exists(_checkpointDir)) Directory.Delete(_checkpointDir!, true);
        Directory.Move(next, _checkpointDir!);
    }

    CheckpointState? TryLoadCheckpoint()
    {
        var dir = Directory.Exists(_checkpointDir) ? _checkpointDir! : _checkpointDir + ".next";
        var statePath = Path.Combine(dir, "state.json");
        if (!File.Exists(statePath)) return null;
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(statePath), StateJson)!;
        using var _ = no_grad();
        var weights = StateFile.Read(Path.Combine(dir, "weights.bin"));
        foreach (var (name, value) in _network.state_dict())
        {
            // A checkpoint of another architecture (e.g. --resume with changed cells or head) cannot continue this run.
            if (!weights.TryGetValue(name, out var saved) || !saved.shape.SequenceEqual(value.shape))
                throw new InvalidOperationException(
                    $"the checkpoint in {dir} belongs to a different network: its '{name}' is " +
                    (saved is null ? "missing" : $"[{string.Join(", ", saved.shape)}], this network's [{string.Join(", ", value.shape)}]") +
                    "; resume with the run's own settings, or start a new run");
            value.copy_(saved);
        }
        foreach (var t in weights.Values) t.Dispose();
        foreach (var (name, t) in StateFile.Read(Path.Combine(dir, "best.bin"))) _best[name] = t.to(_device);
        if (state.AveragedCount > 0)
            _average.Restore(StateFile.Read(Path.Combine(dir, "average.bin")).ToDictionary(e => e.Key, e => e.Value.to(_device)), state.AveragedCount);
        var rng = StateFile.Read(Path.Combine(dir, "rng.bin"));
        set_rng_state(rng["cpu"]);
        rng["cpu"].Dispose();
        if (dir != _checkpointDir) Directory.Move(dir, _checkpointDir!);
        return state;
    }
}
