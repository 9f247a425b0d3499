namespace LstmFcn.Plugins.Forest;

/// <summary>Out-of-bag accuracy over the <see cref="Scored"/> training samples left out of at least one tree.</summary>
public sealed record OutOfBagScore(double Accuracy, int Scored, int Unscored);
