namespace LstmFcn.Pipeline.Comparison;

public sealed record WilcoxonResult(int Pairs, int NonZero, double RankSumPositive, double RankSumNegative, double PValue, string Method)
{
    /// <summary>The smaller of the two rank sums, the statistic textbooks tabulate.</summary>
    public double Statistic => Math.Min(RankSumPositive, RankSumNegative);
}
