using YamlDotNet.RepresentationModel;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// <c>evaluate: {kfold: K, final_fit: true}</c>: the loader's train and test sets are pooled and split into K stratified
/// folds; each fold is predicted by a pipeline fitted on the others. With <c>final_fit</c> one more pipeline is fitted
/// on everything and saved (the model a map or a later prediction uses).
/// </summary>
public sealed record EvaluationDefinition(int KFold, bool FinalFit);
