using System.Diagnostics;
using System.Text.Json;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmFcn.Torch;

/// <summary>
/// (Compiled into every torch plugin.) The one training loop of the torch families: Adam, a plateau schedule, the
/// weights kept (best by the monitored loss — never anything measured on the test set — or the last), optional early
/// stop, then fine-tuning rounds that restart from the kept weights with the rate halved each round and the batch
/// halved every other round; with weight averaging a round keeps the mean of its last epochs' weights. The epoch's
/// loss and accuracy stay on the device until the epoch ends (no host sync per batch), a non-finite loss stops
/// training with a clear error, and checkpoints let a killed run resume where it stopped.
/// </summary>
public sealed class NetworkTrainer
{
    readonly nn.Module _network;
    readonly ITrainingObjective _objective;
    readonly TrainingSettings _settings;
    readonly Device _device;
    readonly RunContext _context;
    readonly string? _checkpointDir;
    readonly Dictionary<string, Tensor> _best = new();
    readonly WeightAverage _average = new();

    public NetworkTrainer(nn.Module network, ITrainingObjective objective, TrainingSettings settings, Device device, RunContext context,
        string? checkpointDir)
    {
        (_network, _objective, _settings, _device, _context, _checkpointDir) = (network, objective, settings, device, context, checkpointDir);
    }

    public TrainingHistory History { get; } = new();

    // Validation figures are NaN when there is no validation split.
    static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    sealed record CheckpointState(int Round, int Epoch, double Rate, double ScheduleBest, int ScheduleWait,
        double BestMonitor, int BestEpoch, int EarlyWait, List<EpochRecord> History, int AveragedCount = 0);

    /// <summary>The files a complete checkpoint holds; state.json is written last.</summary>
    static readonly string[] CheckpointFiles = { "weights.bin", "best.bin", "rng.bin", "optimizer.bin", "state.json" };

    public void Fit(ITrainingBatches train, ITrainingBatches? validation)
    {
        if (_settings.MonitorValidation && validation is null)
            throw new ArgumentException("monitoring the validation loss needs a validation set");
        var resume = _checkpointDir is null ? null : TryLoadCheckpoint();
        int firstRound = resume?.Round ?? 0;
        if (resume is not null)
            foreach (var e in resume.History) History.Add(e);

        for (int round = firstRound; round <= _settings.FineTuneRounds; round++)
        {
            double rate = _settings.LearningRate / Math.Pow(2, round);
            int batch = Math.Max(1, _settings.BatchSize >> (round / 2));
            int epochs = round == 0 || _settings.FineTuneEpochs == 0 ? _settings.Epochs : _settings.FineTuneEpochs;
            var roundResume = resume is not null && resume.Round == round ? resume : null;
            RunRound(round, rate, batch, epochs, train, validation, roundResume);
            if (_settings.KeepBest || _best.Count > 0) LoadBest();
            if (round < _settings.FineTuneRounds)
                _context.Log.Info($"Fine-tuning round {round + 1}/{_settings.FineTuneRounds}: lr {rate / 2:G3}, batch {Math.Max(1, _settings.BatchSize >> ((round + 1) / 2))}");
        }
        foreach (var t in _best.Values) t.Dispose();
        _best.Clear();
        _average.Dispose();
    }

    void RunRound(int round, double rate, int batch, int epochs, ITrainingBatches train, ITrainingBatches? validation, CheckpointState? resume)
    {
        using var optimizer = optim.Adam(_network.parameters(), lr: rate, weight_decay: _settings.WeightDecay);
        var schedule = new PlateauSchedule(rate, _settings.LearningRateFactor, _settings.LearningRatePatience, _settings.MinLearningRate);
        double bestMonitor = double.PositiveInfinity;
        int bestEpoch = 0, earlyWait = 0, start = 1;
        if (resume is not null)
        {
            schedule.Restore(resume.Rate, resume.ScheduleBest, resume.ScheduleWait);
            SetRate(optimizer, resume.Rate);
            (bestMonitor, bestEpoch, earlyWait, start) = (resume.BestMonitor, resume.BestEpoch, resume.EarlyWait, resume.Epoch + 1);
            var optimizerState = Path.Combine(_checkpointDir!, "optimizer.bin");
            if (File.Exists(optimizerState)) optimizer.load_state_dict(optimizerState);
            _context.Log.Info($"Resuming round {round} at epoch {start} (best {_settings.MonitorName} {bestMonitor:F5} at epoch {bestEpoch})");
        }
        else if (_settings.KeepBest) SnapshotBest(); // a round that never improves still has weights to return
        // The average is empty here (every round that fills it clears it when it ends) unless a checkpoint restored it.
        int firstAveraged = epochs - Math.Min(_settings.AveragedEpochs, epochs) + 1;

        var label = round == 0 ? "training" : $"fine-tuning {round}/{_settings.FineTuneRounds}";
        using var bar = _context.Progress.Start($"{label} ({epochs} epochs)", epochs);
        for (int epoch = start; epoch <= epochs; epoch++)
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var (trainLoss, trainAcc) = TrainEpoch(optimizer, train, batch, round, epoch);
            var seconds = clock.Elapsed.TotalSeconds;
            if (!double.IsFinite(trainLoss))
                throw new ArithmeticException($"the training loss became {trainLoss} at epoch {epoch}" +
                                              (round > 0 ? $" of fine-tuning round {round}" : "") +
                                              "; lower the learning rate, or check the data for extreme values");
            var (valLoss, valAcc) = validation is null ? (double.NaN, double.NaN) : Evaluate(validation);
            double monitored = _settings.MonitorValidation ? valLoss : trainLoss;

            if (monitored < bestMonitor)
            {
                bestMonitor = monitored;
                bestEpoch = epoch;
                earlyWait = 0;
                if (_settings.KeepBest) SnapshotBest();
            }
            else earlyWait++;
            if (schedule.Step(monitored)) SetRate(optimizer, schedule.Rate);
            if (_settings.AveragedEpochs > 0 && epoch >= firstAveraged) _average.Add(_network.state_dict());

            History.Add(new EpochRecord(History.Epochs.Count + 1, trainLoss, trainAcc, valLoss, valAcc, schedule.Rate, seconds, round));
            bar.Report(epoch, $"loss {trainLoss:F4} acc {trainAcc:F3}" + (validation is null ? "" : $" val {valLoss:F4}/{valAcc:F3}") + $" lr {schedule.Rate:G3}");

            bool stop = _settings.EarlyStoppingPatience > 0 && earlyWait >= _settings.EarlyStoppingPatience;
            if (_checkpointDir is not null && (epoch % _settings.CheckpointEvery == 0 || epoch == epochs || stop))
                SaveCheckpoint(optimizer, new CheckpointState(round, epoch, schedule.Rate, schedule.Best, schedule.Wait,
                    bestMonitor, bestEpoch, earlyWait, History.Epochs.ToList(), _average.Count));
            if (stop)
            {
                _context.Log.Info($"Early stop at epoch {epoch}: no better {_settings.MonitorName} for {earlyWait} epochs");
                break;
            }
        }
        _context.Log.Info($"{label}: best {_settings.MonitorName} {bestMonitor:F5} at epoch {bestEpoch}" + (_settings.KeepBest ? "" : "; keeping the last epoch's weights"));
        if (_average.Count > 0)
        {
            // The averaged weights replace the kept ones as what the round returns (Fit loads them).
            _average.CopyInto(_best.Count > 0 ? _best : SnapshotAndReturnBest());
            _context.Log.Info($"{label}: keeping the mean of the weights of epochs {firstAveraged}–{firstAveraged + _average.Count - 1}");
            _average.Clear();
        }
    }

    Dictionary<string, Tensor> SnapshotAndReturnBest()
    {
        SnapshotBest();
        return _best;
    }

    (double Loss, double Accuracy) TrainEpoch(TorchSharp.Modules.OptimizerHelper optimizer, ITrainingBatches train, int batch, int round, int epoch)
    {
        _network.train();
        using var scope = NewDisposeScope();
        // The epoch's sums stay on the device and are read once at its end: reading them per batch would make the
        // host wait for every step on a GPU. Each batch's loss × size in float32, summed in float64 in batch order:
        // the sums the host made when it read them per batch.
        var lossSum = zeros(1, dtype: ScalarType.Float64, device: _device);
        var correct = zeros(1, dtype: ScalarType.Int64, device: _device);
        int batches = train.StartEpoch(_settings.Seed, round, epoch, batch);
        for (int b = 0; b < batches; b++)
        {
            using var batchScope = NewDisposeScope();
            var data = train.Batch(b);
            optimizer.zero_grad();
            var logits = _objective.Logits(data);
            var loss = _objective.Loss(logits, data.Target, training: true);
            loss.backward();
            optimizer.step();
            using (no_grad())
            {
                lossSum.add_(loss.detach().mul(data.Size).to(ScalarType.Float64));
                correct.add_(_objective.Correct(logits, data.Target));
            }
        }
        return (lossSum.item<double>() / train.Count, correct.item<long>() / (double)train.Count);
    }

    (double Loss, double Accuracy) Evaluate(ITrainingBatches data)
    {
        _network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        int batches = data.StartEpoch(_settings.Seed, 0, 0, int.MaxValue);
        double lossSum = 0;
        long correct = 0;
        for (int b = 0; b < batches; b++)
        {
            var batch = data.Batch(b);
            var logits = _objective.Logits(batch);
            lossSum += (double)_objective.Loss(logits, batch.Target, training: false).item<float>() * batch.Size;
            correct += _objective.Correct(logits, batch.Target).item<long>();
        }
        return (lossSum / data.Count, correct / (double)data.Count);
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
        // The new checkpoint is built beside the old one and swapped in (see AtomicFolder): a kill at any instant
        // leaves one complete checkpoint that TryLoadCheckpoint finds. state.json is written last.
        AtomicFolder.Write(_checkpointDir!, next =>
        {
            StateFile.Write(Path.Combine(next, "weights.bin"), _network.state_dict());
            StateFile.Write(Path.Combine(next, "best.bin"), _best);
            if (_average.Count > 0) StateFile.Write(Path.Combine(next, "average.bin"), _average.Mean);
            using (var rng = get_rng_state())
                StateFile.Write(Path.Combine(next, "rng.bin"), new Dictionary<string, Tensor> { ["cpu"] = rng });
            optimizer.save_state_dict(Path.Combine(next, "optimizer.bin"));
            AtomicFile.WriteText(Path.Combine(next, "state.json"), JsonSerializer.Serialize(state, StateJson));
        });
    }

    static bool IsComplete(string folder)
    {
        if (!CheckpointFiles.All(f => File.Exists(Path.Combine(folder, f)))) return false;
        try
        {
            var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, "state.json")), StateJson);
            return state is not null && (state.AveragedCount == 0 || File.Exists(Path.Combine(folder, "average.bin")));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    CheckpointState? TryLoadCheckpoint()
    {
        var dir = AtomicFolder.Recover(_checkpointDir!, IsComplete);
        if (dir is null)
        {
            if (Directory.Exists(_checkpointDir) || Directory.Exists(_checkpointDir + AtomicFolder.NextSuffix))
                _context.Log.Warn($"{_checkpointDir}: no complete checkpoint to resume from; training starts at epoch 1");
            return null;
        }
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(dir, "state.json")), StateJson)!;
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
        return state;
    }
}
