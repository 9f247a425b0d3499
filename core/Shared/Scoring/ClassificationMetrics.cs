namespace LstmFcn.Pipeline.Scoring;

/// <summary>
/// (Source compiled into the plugins that score predictions: metrics, report.) Scores of predicted against true
/// labels over k classes; unlabelled samples are skipped.
/// </summary>
sealed class ClassificationMetrics
{
    public ClassificationMetrics(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("truth and predictions differ in length");
        Confusion = new int[classes, classes];
        int scored = 0, correct = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            if (truth[i] < 0) continue; // unlabelled samples are predicted but not scored
            Confusion[truth[i], predicted[i]]++;
            scored++;
            if (truth[i] == predicted[i]) correct++;
        }
        Count = scored;
        Accuracy = scored == 0 ? double.NaN : correct / (double)scored;
        Precision = new double[classes];
        Recall = new double[classes];
        F1 = new double[classes];
        Support = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            int tp = Confusion[c, c], predictedAs = 0, actual = 0;
            for (int o = 0; o < classes; o++) { predictedAs += Confusion[o, c]; actual += Confusion[c, o]; }
            Support[c] = actual;
            // Zero when undefined, as scikit-learn's zero_division=0: a class never predicted has no precision.
            Precision[c] = predictedAs == 0 ? 0 : tp / (double)predictedAs;
            Recall[c] = actual == 0 ? 0 : tp / (double)actual;
            F1[c] = Precision[c] + Recall[c] == 0 ? 0 : 2 * Precision[c] * Recall[c] / (Precision[c] + Recall[c]);
        }
        var present = Enumerable.Range(0, classes).Where(c => Support[c] > 0).ToArray();
        MacroF1 = present.Length == 0 ? double.NaN : present.Average(c => F1[c]);
        BalancedAccuracy = present.Length == 0 ? double.NaN : present.Average(c => Recall[c]);
        PerClassError = (1 - Accuracy) / classes;
        Kappa = CohensKappa(Confusion, scored);
    }

    /// <summary>
    /// Cohen's κ = (p_o − p_e) / (1 − p_e): agreement beyond what the row and column totals give by chance
    /// (p_e = Σ_c rows_c · columns_c / n²). NaN without scored samples; 0 when chance agreement is total (p_e = 1).
    /// </summary>
    static double CohensKappa(int[,] confusion, int n)
    {
        if (n == 0) return double.NaN;
        int k = confusion.GetLength(0);
        double observed = 0, expected = 0;
        for (int c = 0; c < k; c++)
        {
            double row = 0, column = 0;
            for (int o = 0; o < k; o++) { row += confusion[c, o]; column += confusion[o, c]; }
            observed += confusion[c, c];
            expected += row * column;
        }
        observed /= n;
        expected /= (double)n * n;
        return expected >= 1 ? 0 : (observed - expected) / (1 - expected);
    }

    public int Count { get; }
    public int[,] Confusion { get; }
    public double Accuracy { get; }
    public double Error => 1 - Accuracy;
    /// <summary>
    /// Error divided by the number of classes: the per-dataset term of the mean per-class error (MPCE) of
    /// Wang et al. 2017, which averages it over datasets.
    /// </summary>
    public double PerClassError { get; }
    public double[] Precision { get; }
    public double[] Recall { get; }
    public double[] F1 { get; }
    public int[] Support { get; }
    /// <summary>Mean F1 over the classes present in the truth.</summary>
    public double MacroF1 { get; }
    public double BalancedAccuracy { get; }
    /// <summary>Cohen's kappa of the confusion matrix.</summary>
    public double Kappa { get; }
}
