namespace LstmFcn.Rocket;

/// <summary>
/// A linear classifier on raw (unscaled) features: score_k = intercept_k + Σ_j weight_kj · x_j, the scaler folded in.
/// Probabilities are the softmax of the scores times a temperature (the logistic model's own probabilities at 1; for
/// ridge a monotone map of its decision values calibrated on leave-one-out scores, so the argmax is ridge's prediction).
/// </summary>
public sealed class LinearModel
{
    public LinearModel(float[][] weights, double[] intercepts, double temperature = 1)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature)) throw new ArgumentException($"temperature {temperature}: expected a positive number");
        Temperature = temperature;
        if (weights.Length != intercepts.Length) throw new ArgumentException("one intercept per class");
        Weights = weights;
        Intercepts = intercepts;
        Features = weights.Length == 0 ? 0 : weights[0].Length;
    }

    /// <summary>One row of <see cref="Features"/> weights per class.</summary>
    public float[][] Weights { get; }
    public double[] Intercepts { get; }
    public int Classes => Weights.Length;
    /// <summary>Probabilities are softmax(Temperature · scores) (1 for the logistic model; ridge's is fitted, <see cref="SoftmaxTemperature"/>).</summary>
    public double Temperature { get; }

    public LinearModel WithTemperature(double temperature) => new(Weights, Intercepts, temperature);
    public int Features { get; }

    /// <summary>Writes the class probabilities of one feature row into <paramref name="probabilities"/>.</summary>
    public void Probabilities(ReadOnlySpan<float> features, Span<float> probabilities)
    {
        Span<double> scores = stackalloc double[Classes];
        Scores(features, scores);
        for (int k = 0; k < scores.Length; k++) scores[k] *= Temperature;
        double max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int k = 0; k < scores.Length; k++) sum += scores[k] = Math.Exp(scores[k] - max);
        for (int k = 0; k < scores.Length; k++) probabilities[k] = (float)(scores[k] / sum);
    }

    /// <summary>
    /// Intercept + weights · features per class, four classes per pass over the features: four independent
    /// accumulator chains instead of one (a single chain waits on each fused add's latency), each class summed in the
    /// same lane order as <see cref="Spans.Dot"/>, so the scores are the same to the bit.
    /// </summary>
    public void Scores(ReadOnlySpan<float> features, Span<double> scores)
    {
        int k = 0;
        for (; k + 4 <= Classes; k += 4)
            Dot4(Weights[k], Weights[k + 1], Weights[k + 2], Weights[k + 3], features, scores.Slice(k, 4));
        for (; k < Classes; k++) scores[k] = Spans.Dot(Weights[k], features);
        for (k = 0; k < Classes; k++) scores[k] += Intercepts[k];
    }

    static void Dot4(ReadOnlySpan<float> w0, ReadOnlySpan<float> w1, ReadOnlySpan<float> w2, ReadOnlySpan<float> w3,
        ReadOnlySpan<float> x, Span<double> dots)
    {
        int i = 0, w = System.Numerics.Vector<float>.Count, n = x.Length;
        System.Numerics.Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (; i <= n - w; i += w)
        {
            var v = new System.Numerics.Vector<float>(x[i..]);
            a0 += new System.Numerics.Vector<float>(w0[i..]) * v;
            a1 += new System.Numerics.Vector<float>(w1[i..]) * v;
            a2 += new System.Numerics.Vector<float>(w2[i..]) * v;
            a3 += new System.Numerics.Vector<float>(w3[i..]) * v;
        }
        double s0 = System.Numerics.Vector.Sum(a0), s1 = System.Numerics.Vector.Sum(a1),
               s2 = System.Numerics.Vector.Sum(a2), s3 = System.Numerics.Vector.Sum(a3);
        for (; i < n; i++)
        {
            s0 += w0[i] * x[i];
            s1 += w1[i] * x[i];
            s2 += w2[i] * x[i];
            s3 += w3[i] * x[i];
        }
        (dots[0], dots[1], dots[2], dots[3]) = (s0, s1, s2, s3);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Features);
        for (int k = 0; k < Classes; k++)
        {
            writer.Write(Intercepts[k]);
            foreach (var w in Weights[k]) writer.Write(w);
        }
    }

    /// <summary>The temperature, written after the weights (format version 2 of the model file).</summary>
    public void WriteTemperature(BinaryWriter writer) => writer.Write(Temperature);

    public static LinearModel Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32(), features = reader.ReadInt32();
        if (classes < 1 || features < 0) throw new InvalidDataException($"linear model of {classes} classes × {features} features");
        var weights = new float[classes][];
        var intercepts = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            intercepts[k] = reader.ReadDouble();
            weights[k] = new float[features];
            for (int j = 0; j < features; j++) weights[k][j] = reader.ReadSingle();
        }
        return new LinearModel(weights, intercepts);
    }
}
