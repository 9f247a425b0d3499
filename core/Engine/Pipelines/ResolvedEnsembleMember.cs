using LstmFcn.Pipeline.Engine.Plugins;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// One model the ensemble trains: copy <paramref name="Copy"/> (0-based) of the <paramref name="Copies"/> that a member
/// with <c>repeat: N</c> stands for (0 of 1 otherwise). Copy 0 trains with the run's seed, so one copy is the lone model.
/// </summary>
public sealed record ResolvedEnsembleMember(ResolvedStep<IModelPlugin> Model, IReadOnlyList<ResolvedStep<IPreprocessorPlugin>> Preprocess,
    int Copy = 0, int Copies = 1);
