namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a composite model (an ensemble): the probabilities of each of its members, so that the
/// engine can score every member alone on the same data, and their combination, computed from those member
/// predictions without predicting twice.
/// </summary>
public interface IMemberPredictions
{
    /// <summary>One name per member, as its files are named (e.g. "2-random-forest").</summary>
    IReadOnlyList<string> MemberNames { get; }

    /// <summary>Each member's probabilities (after its own preprocessing), one row per sample of <paramref name="data"/>.</summary>
    IReadOnlyList<ProbabilityMatrix> PredictMembers(TimeSeriesDataset data, RunContext context);

    /// <summary>The model's own prediction from its members' (<see cref="PredictMembers"/>).</summary>
    ProbabilityMatrix Combine(IReadOnlyList<ProbabilityMatrix> members);
}
