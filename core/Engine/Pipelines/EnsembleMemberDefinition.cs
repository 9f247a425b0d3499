using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// One model of an ensemble with the preprocessing only it sees (after the pipeline's own), trained
/// <paramref name="Repeat"/> times from different seeds (<c>repeat: N</c>, a deep ensemble of one model).
/// </summary>
public sealed record EnsembleMemberDefinition(StepDefinition Model, IReadOnlyList<StepDefinition> Preprocess, int Repeat = 1);
