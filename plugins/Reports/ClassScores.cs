namespace LstmFcn.Plugins.Reports;

/// <summary>Confusion matrix and per-class precision/recall/F1 of predicted against true labels (unlabelled skipped).</summary>
sealed class ClassScores
{
    public ClassScores(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        Confusion = new int[classes, classes];
        int correct = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            if (truth[i] < 0) continue;
            Confusion[truth[i], predicted[i]]++;
            Scored++;
            if (truth[i] == predicted[i]) correct++;
        }
        Accuracy = Scored == 0 ? double.NaN : correct / (double)Scored;
        Precision = new double[classes];
        Recall = new double[classes];
        F1 = new double[classes];
        Support = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            int predictedAs = 0, actual = 0;
            for (int o = 0; o < classes; o++) { predictedAs += Confusion[o, c]; actual += Confusion[c, o]; }
            Support[c] = actual;
            // Zero where undefined (scikit-learn's zero_division=0), as the metrics reporter does.
            Precision[c] = predictedAs == 0 ? 0 : Confusion[c, c] / (double)predictedAs;
            Recall[c] = actual == 0 ? 0 : Confusion[c, c] / (double)actual;
            F1[c] = Precision[c] + Recall[c] == 0 ? 0 : 2 * Precision[c] * Recall[c] / (Precision[c] + Recall[c]);
        }
        var present = Enumerable.Range(0, classes).Where(c => Support[c] > 0).ToArray();
        MacroF1 = present.Length == 0 ? double.NaN : present.Average(c => F1[c]);
        BalancedAccuracy = present.Length == 0 ? double.NaN : present.Average(c => Recall[c]);
    }

    public int Scored { get; }
    public int[,] Confusion { get; }
    public double Accuracy { get; }
    public double[] Precision { get; }
    public double[] Recall { get; }
    public double[] F1 { get; }
    public int[] Support { get; }
    public double MacroF1 { get; }
    public double BalancedAccuracy { get; }
}
