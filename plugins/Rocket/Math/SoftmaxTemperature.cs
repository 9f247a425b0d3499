namespace LstmFcn.Rocket;

/// <summary>
/// The temperature T for which softmax(T · scores) best predicts the labels (least log-loss) — fitted on leave-one-out
/// decision values, so on the training set only. Ridge decision values lie near ±1 whatever the model's certainty, and
/// their plain softmax is nearly uniform (a 9-class MiniRocket's most probable class at ~0.15 to 0.2), so in a
/// probability-averaging ensemble the ridge member would hardly count; calibrated, it votes with its real confidence.
/// The argmax, and so ridge's own predictions, do not change. The targets are smoothed by ε = 1/(n + 2) (the rule of
/// succession: n leave-one-out hits in n do not make a certainty): without it a training set that ridge separates
/// (GunPoint's 50 series) drives T to its bound and every probability to exactly 0 or 1, and the member would then
/// outvote every other.
/// </summary>
public static class SoftmaxTemperature
{
    public static double Fit(double[] scores, int[] labels, int classes)
    {
        int rows = labels.Length;
        if (rows == 0 || classes < 2) return 1;
        double epsilon = 1.0 / (rows + 2), onTrue = 1 - epsilon, onOther = epsilon / (classes - 1);
        double LogLoss(double logT)
        {
            double t = Math.Exp(logT), loss = 0;
            for (int i = 0; i < rows; i++)
            {
                double max = double.NegativeInfinity;
                for (int k = 0; k < classes; k++) max = Math.Max(max, t * scores[i * classes + k]);
                double sum = 0;
                for (int k = 0; k < classes; k++) sum += Math.Exp(t * scores[i * classes + k] - max);
                double logSum = Math.Log(sum) + max;
                // Cross-entropy against the smoothed targets: Σ_k target_k · (log Σ exp − t·s_k).
                for (int k = 0; k < classes; k++) loss += (k == labels[i] ? onTrue : onOther) * (logSum - t * scores[i * classes + k]);
            }
            return loss / rows;
        }
        // Golden-section search on log T over [1/100, 1000]: the loss is convex in T (softmax of linear scores).
        double lo = Math.Log(0.01), hi = Math.Log(1000), phi = (Math.Sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo), fa = LogLoss(a), fb = LogLoss(b);
        for (int step = 0; step < 60; step++)
        {
            if (fa < fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = LogLoss(a); }
            else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = LogLoss(b); }
        }
        return Math.Exp((lo + hi) / 2);
    }
}
