using LstmFcn.Pipeline.Engine.Plugins;

using LstmFcn.Pipeline.Engine.Naming;

namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>The models an ensemble trains, repeated members spread into their copies, each with its share of the weight.</summary>
public sealed record ResolvedEnsemble(IReadOnlyList<ResolvedEnsembleMember> Members, IReadOnlyList<double> Weights)
{
    /// <summary>"lstm-fcn+gradient-boosting"; a repeated model as "lstm-fcn×3".</summary>
    public string Name => string.Join("+", Members.Where(m => m.Copy == 0)
        .Select(m => m.Copies > 1 ? $"{m.Model.Plugin.Name}×{m.Copies}" : m.Model.Plugin.Name));

    /// <summary>The weights as the pipeline lists them, one per listed model (its copies share it).</summary>
    public required IReadOnlyList<double> ListedWeights { get; init; }

    /// <summary>Spreads each listed member (<see cref="ResolvedEnsembleMember.Copies"/> = its <c>repeat</c>) into its
    /// copies, which share its weight equally.</summary>
    public static ResolvedEnsemble Expand(IReadOnlyList<ResolvedEnsembleMember> listed, IReadOnlyList<double> weights)
    {
        var members = new List<ResolvedEnsembleMember>();
        var shares = new List<double>();
        for (int i = 0; i < listed.Count; i++)
            for (int c = 0; c < listed[i].Copies; c++)
            {
                members.Add(listed[i] with { Copy = c });
                shares.Add(weights[i] / listed[i].Copies);
            }
        return new ResolvedEnsemble(members, shares) { ListedWeights = weights };
    }
}
