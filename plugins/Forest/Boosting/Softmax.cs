namespace LstmFcn.Plugins.Forest.Boosting;

static class Softmax
{
    public static void Into(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int c = 0; c < scores.Length; c++) sum += probabilities[c] = Math.Exp(scores[c] - max);
        for (int c = 0; c < scores.Length; c++) probabilities[c] /= sum;
    }
}
