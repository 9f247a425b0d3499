using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// <c>model: {ensemble: [...], weights: [...]}</c>: every member is fitted on the same training data (each after its
/// own extra preprocessing) and the ensemble predicts the weighted mean of their class probabilities, as scikit-learn's
/// soft VotingClassifier or sits' sits_combine_predictions(type = "average") do.
/// </summary>
public sealed record EnsembleDefinition(IReadOnlyList<EnsembleMemberDefinition> Members, IReadOnlyList<double> Weights);
