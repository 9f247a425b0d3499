namespace LstmFcn.Benchmarks.Forest;

/// <summary>Accuracy and macro-F1 (unweighted mean of per-class F1, as scikit-learn's f1_score(average="macro")).</summary>
static class Scores
{
    public static double Accuracy(int[] truth, int[] predicted) =>
        truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;

    public static double MacroF1(int[] truth, int[] predicted, int classes)
    {
        double sum = 0;
        for (int c = 0; c < classes; c++)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.Length; i++)
            {
                if (predicted[i] == c && truth[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / classes;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
