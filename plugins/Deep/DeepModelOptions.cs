using LstmFcn.Pipeline;
using LstmFcn.Plugins.Deep.Network;
using LstmFcn.Plugins.Deep.Training;

namespace LstmFcn.Plugins.Deep;

/// <summary>The parameters the deep classifier plugins declare (paper defaults) and their reading.</summary>
static class DeepModelOptions
{
    /// <summary>LSTM-FCN / ALSTM-FCN: the architecture (paper defaults), then the training recipe.</summary>
    public static IReadOnlyList<ParameterSpec> DeclareLstmFcn(bool attention) => new[]
    {
        ParameterSpec.Int("cells", 8, "LSTM cells (the paper uses 8, 64 or 128)", min: 1, max: 4096),
        CellsCandidates, SelectionSplit,
        ParameterSpec.Number("dropout", 0.8, "dropout on the LSTM output", min: 0, max: 0.99),
        ParameterSpec.Choice("lstm_view", "shuffle", "shuffle: one step of all C·T values (the paper's dimension shuffle); temporal: T steps of C values", "shuffle", "temporal"),
        new ParameterSpec("filters", ParameterType.IntegerList, "filters of the conv blocks") { Default = new List<long> { 128, 256, 128 } },
        new ParameterSpec("kernels", ParameterType.IntegerList, "kernel sizes of the conv blocks") { Default = new List<long> { 8, 5, 3 } },
        ParameterSpec.Bool("se", false, "squeeze-excitation after each conv block (MLSTM-FCN / modern variant)"),
        ParameterSpec.Int("se_ratio", 16, "squeeze-excitation reduction ratio r", min: 1),
        ParameterSpec.Bool("residual", false, "residual links around conv blocks (1×1 projections where channels change)"),
        ParameterSpec.Int("head_units", 0, "units of a ReLU+BN+dropout dense layer before the output (modern variant: 512); 0 = none", min: 0),
        ParameterSpec.Number("head_dropout", 0.5, "dropout of the dense head", min: 0, max: 0.99),
    }.Concat(TrainingRecipe(epochs: 2000))
     .Append(ParameterSpec.Bool("export_attention", attention, "write attention.csv with per-sample attention/context values (ALSTM only)")).ToArray();

    /// <summary>CNN-LSTM: the ECG seed report's network (conv 32/64, kernel 6, BN, max-pool, LSTM 192), then the recipe.</summary>
    public static IReadOnlyList<ParameterSpec> DeclareCnnLstm() => new[]
    {
        ParameterSpec.Int("cells", 192, "LSTM units over the pooled conv features", min: 1, max: 4096),
        CellsCandidates, SelectionSplit,
        ParameterSpec.Number("dropout", 0.5, "dropout on the LSTM's last output", min: 0, max: 0.99),
        new ParameterSpec("filters", ParameterType.IntegerList, "filters of the conv blocks") { Default = new List<long> { 32, 64 } },
        new ParameterSpec("kernels", ParameterType.IntegerList, "kernel sizes of the conv blocks") { Default = new List<long> { 6, 6 } },
        ParameterSpec.Int("pool_size", 2, "max-pooling window and stride after each conv block (1 = none)", min: 1),
    }.Concat(TrainingRecipe(epochs: 200)).ToArray();

    static ParameterSpec CellsCandidates => new("cells_candidates", ParameterType.IntegerList,
        "if given, choose cells among these by a stratified validation split of the training set (never the test set)") { Default = new List<long>() };

    static ParameterSpec SelectionSplit => ParameterSpec.Number("selection_split", 0.2, "fraction of the training set held out to choose cells", min: 0.05, max: 0.5);

    /// <summary>Karim et al.'s recipe: Adam, plateau schedule, class weights, best weights by the monitored loss.</summary>
    static IEnumerable<ParameterSpec> TrainingRecipe(int epochs) => new[]
    {
        ParameterSpec.Int("epochs", epochs, "training epochs", min: 1),
        ParameterSpec.Int("batch_size", 128, "mini-batch size", min: 1),
        ParameterSpec.Number("learning_rate", 1e-3, "Adam's initial learning rate", min: 1e-8, max: 1),
        ParameterSpec.Number("lr_factor", 1 / Math.Cbrt(2), "learning-rate factor on a plateau (1/∛2)", min: 0.01, max: 1),
        ParameterSpec.Int("lr_patience", 100, "epochs without improvement before the rate drops", min: 1),
        ParameterSpec.Number("min_lr", 1e-4, "lowest learning rate", min: 0),
        ParameterSpec.Bool("class_weights", true, "weight classes n/(k·n_c) in the loss"),
        ParameterSpec.Choice("monitor", "loss", "what picks the best weights and drives the schedule: training loss, or the loss of a validation split carved from train", "loss", "val_loss"),
        ParameterSpec.Number("validation_split", 0, "fraction of train held out for val_loss (0 = none)", min: 0, max: 0.5),
        ParameterSpec.Int("early_stopping", 0, "stop after this many epochs without improvement (0 = never)", min: 0),
        ParameterSpec.Int("finetune_rounds", 0, "fine-tuning rounds K after training (the paper uses 5): LR halved each round, batch every other", min: 0, max: 20),
        ParameterSpec.Int("finetune_epochs", 0, "epochs per fine-tuning round (0 = as many as training)", min: 0),
        ParameterSpec.Int("swa_epochs", 0, "stochastic weight averaging: keep the mean of the weights of each round's last N epochs instead of the best ones (0 = off)", min: 0),
        ParameterSpec.Number("label_smoothing", 0, "label smoothing ε of the training loss: targets (1 − ε)·one-hot + ε/k", min: 0, max: 0.5),
        ParameterSpec.Bool("bn_recalibrate", true, "after training, recompute batch-norm statistics exactly on the training set for the kept weights"),
        ParameterSpec.Int("checkpoint_every", 100, "epochs between checkpoints (for --resume)", min: 1),
    };

    public static NetworkOptions LstmFcnNetwork(PluginArguments args, bool attention, int channels, int length, int classes, int cells) =>
        ConvLstm(args, NetworkArchitecture.LstmFcn, channels, length, classes, cells) with
        {
            View = args.GetString("lstm_view") == "temporal" ? LstmView.Temporal : LstmView.Shuffle,
            Attention = attention,
            SqueezeExcitation = args.GetBool("se"),
            SqueezeRatio = args.GetInt("se_ratio"),
            Residual = args.GetBool("residual"),
            HeadUnits = args.GetInt("head_units"),
            HeadDropout = args.GetDouble("head_dropout"),
        };

    public static NetworkOptions CnnLstmNetwork(PluginArguments args, int channels, int length, int classes, int cells) =>
        ConvLstm(args, NetworkArchitecture.CnnLstm, channels, length, classes, cells) with { PoolSize = args.GetInt("pool_size") };

    /// <summary>What both families declare alike: input shape, conv filters and kernels, LSTM cells and dropout.</summary>
    static NetworkOptions ConvLstm(PluginArguments args, NetworkArchitecture architecture, int channels, int length, int classes, int cells) => new()
    {
        Architecture = architecture,
        Channels = channels,
        Length = length,
        Classes = classes,
        Filters = args.GetIntList("filters").Select(v => (int)v).ToArray(),
        Kernels = args.GetIntList("kernels").Select(v => (int)v).ToArray(),
        LstmCells = cells,
        LstmDropout = args.GetDouble("dropout"),
    };

    public static TrainingOptions Training(PluginArguments args, int seed)
    {
        var options = new TrainingOptions
        {
            Epochs = args.GetInt("epochs"),
            BatchSize = args.GetInt("batch_size"),
            LearningRate = args.GetDouble("learning_rate"),
            LearningRateFactor = args.GetDouble("lr_factor"),
            LearningRatePatience = args.GetInt("lr_patience"),
            MinLearningRate = args.GetDouble("min_lr"),
            ClassWeighted = args.GetBool("class_weights"),
            Monitor = args.GetString("monitor"),
            ValidationSplit = args.GetDouble("validation_split"),
            EarlyStoppingPatience = args.GetInt("early_stopping"),
            FineTuneRounds = args.GetInt("finetune_rounds"),
            FineTuneEpochs = args.GetInt("finetune_epochs"),
            CheckpointEvery = args.GetInt("checkpoint_every"),
            RecalibrateBatchNorm = args.GetBool("bn_recalibrate"),
            AveragedEpochs = args.GetInt("swa_epochs"),
            LabelSmoothing = args.GetDouble("label_smoothing"),
            Seed = seed,
        };
        if (options.Monitor == "val_loss" && options.ValidationSplit <= 0)
            throw new ArgumentException($"{args.StepName}: monitor: val_loss needs validation_split > 0 (a part of train; the test set is never used)");
        if (options.AveragedEpochs > 0 && options.EarlyStoppingPatience > 0)
            throw new ArgumentException($"{args.StepName}: swa_epochs averages the last epochs of a fixed-length round; it cannot be combined with early_stopping, which ends a round at an unknown epoch");
        if (args.GetIntList("filters").Count != args.GetIntList("kernels").Count)
            throw new ArgumentException($"{args.StepName}: filters and kernels must have the same number of entries");
        return options;
    }
}
