namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// sits' Bayesian smoothing of class probabilities (Camara et al., sits book, "Bayesian smoothing"). Per class, on
/// logits x = ln(p / (1 − p)): the prior for a pixel is N(m, s²) from the highest <c>fraction</c> of the logits in its
/// window (mirrored at the image edge); the posterior mean is w·x + (1 − w)·m with w = s² / (s² + σ²), σ² being the
/// smoothness. Smoothed logits go back through the inverse logit and each pixel is renormalised to sum 1.
/// Masked pixels stay masked and never enter a neighbourhood.
/// </summary>
public sealed class BayesianSmoothing
{
    readonly int _window;
    readonly double _fraction;
    readonly double[] _smoothness;

    public BayesianSmoothing(int window, double fraction, IReadOnlyList<double> smoothnessPerClass)
    {
        if (window < 1 || window % 2 == 0) throw new ArgumentOutOfRangeException(nameof(window), "the window is an odd number of pixels");
        _window = window;
        _fraction = fraction;
        _smoothness = smoothnessPerClass.ToArray();
    }

    public int Leg => _window / 2;

    /// <summary>
    /// Smooths the pixels of <paramref name="target"/> (a block inside a probability image of <paramref name="imageWidth"/> ×
    /// <paramref name="imageHeight"/>) given the probabilities of a source window that covers the target plus its legs
    /// (clipped to the image). Values are probabilities (NaN = masked), class-major: [class][row][column].
    /// </summary>
    public float[] Smooth(float[] source, int srcX, int srcY, int srcW, int srcH, Block target, int imageWidth, int imageHeight, int classes)
    {
        int n = target.Pixels, srcN = srcW * srcH, w2 = _window * _window, leg = Leg;
        var logits = new float[classes * srcN];
        for (int i = 0; i < logits.Length; i++)
        {
            float p = Math.Clamp(source[i], 1e-4f, 1 - 1e-4f);
            logits[i] = float.IsNaN(source[i]) ? float.NaN : MathF.Log(p / (1 - p));
        }
        var result = new float[classes * n];
        var neighbours = new float[w2];
        for (int ty = 0; ty < target.Height; ty++)
            for (int tx = 0; tx < target.Width; tx++)
            {
                int gx = target.X + tx, gy = target.Y + ty, pixel = ty * target.Width + tx;
                int centre = (gy - srcY) * srcW + (gx - srcX);
                if (float.IsNaN(logits[centre]))
                {
                    for (int c = 0; c < classes; c++) result[c * n + pixel] = float.NaN;
                    continue;
                }
                double sum = 0;
                for (int c = 0; c < classes; c++)
                {
                    int count = 0;
                    int plane = c * srcN;
                    for (int dy = -leg; dy <= leg; dy++)
                    {
                        int sy = Mirror(gy + dy, imageHeight) - srcY;
                        for (int dx = -leg; dx <= leg; dx++)
                        {
                            int sx = Mirror(gx + dx, imageWidth) - srcX;
                            float v = logits[plane + sy * srcW + sx];
                            if (!float.IsNaN(v)) neighbours[count++] = v;
                        }
                    }
                    float x0 = logits[plane + centre];
                    double posterior = x0;
                    int use = Math.Max(1, (int)Math.Ceiling(_fraction * count));
                    if (use >= 2)
                    {
                        var span = neighbours.AsSpan(0, count);
                        span.Sort();
                        span = span[(count - use)..]; // the highest logits
                        double mean = 0;
                        foreach (var v in span) mean += v;
                        mean /= use;
                        double variance = 0;
                        foreach (var v in span) variance += (v - mean) * (v - mean);
                        variance /= use - 1;
                        double weight = variance / (variance + _smoothness[c]);
                        posterior = weight * x0 + (1 - weight) * mean;
                    }
                    float p = (float)(1 / (1 + Math.Exp(-posterior)));
                    result[c * n + pixel] = p;
                    sum += p;
                }
                for (int c = 0; c < classes; c++) result[c * n + pixel] = (float)(result[c * n + pixel] / sum);
            }
        return result;
    }

    /// <summary>Reflects an index that leaves [0, size) back inside, as sits does at image edges.</summary>
    static int Mirror(int i, int size) => i < 0 ? -i - 1 : i >= size ? 2 * size - i - 1 : i;
}
