namespace LstmFcn.Plugins.Deep.Options;

/// <summary>What picks the best weights and drives the learning-rate schedule.</summary>
public enum TrainingMonitor
{
    /// <summary>The training loss (the reference code after its leakage fix; never the test set).</summary>
    Loss,
    /// <summary>The loss of a validation split carved from the training set.</summary>
    ValLoss,
}
