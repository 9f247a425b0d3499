using LstmFcn.Rocket;
using LstmFcn.Pipeline;

namespace LstmFcn.Plugins.Rocket;

/// <summary>The classifier every ROCKET-family model ends in, with the papers' defaults.</summary>
public abstract record RocketOptions : PluginOptions
{
    [Parameter("ridge: smallest alpha as a power of ten (alphas = logspace(alpha_low, alpha_high, alpha_count))", Min = -12, Max = 12)]
    public double AlphaLow { get; init; } = -3;

    [Parameter("ridge: largest alpha as a power of ten", Min = -12, Max = 12)]
    public double AlphaHigh { get; init; } = 3;

    [Parameter("ridge: number of alphas tried by leave-one-out cross-validation", Min = 1, Max = 1000)]
    public int AlphaCount { get; init; } = 10;

    [Parameter("use logistic regression instead of ridge-CV when there are more training examples than this", Min = 0, Max = 100_000_000)]
    public int LogisticAbove { get; init; } = 10_000;

    [Parameter("logistic regression: passes over the training set (mini-batch Adam)", Min = 1, Max = 10_000)]
    public int LogisticEpochs { get; init; } = 30;

    [Parameter("logistic regression: examples per mini-batch", Min = 1, Max = 1_000_000)]
    public int LogisticBatch { get; init; } = 256;

    [Parameter("logistic regression: Adam learning rate", Min = 1e-7, Max = 1)]
    public double LogisticLearningRate { get; init; } = 1e-3;

    public override IEnumerable<OptionProblem> Validate()
    {
        if (AlphaHigh < AlphaLow) yield return new("alpha_high", $"must be at least alpha_low ({AlphaLow})");
        if (AlphaCount > 1 && AlphaHigh == AlphaLow) yield return new("alpha_count", "several alphas need alpha_high > alpha_low");
    }

    internal double[] Alphas() => RidgeClassifierCv.DefaultAlphas(AlphaCount, AlphaLow, AlphaHigh);

    internal LogisticRegression.Settings Logistic() => new(LogisticEpochs, LogisticBatch, LogisticLearningRate);
}
