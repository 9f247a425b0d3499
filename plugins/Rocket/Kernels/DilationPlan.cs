using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>
/// MiniRocket's dilations for a series length L: floor(2^linspace(0, log2((L−1)/8), D)) with D = min(features per
/// kernel, max dilations), de-duplicated; each distinct dilation gets features in proportion to how often it occurred
/// (× features per kernel / D, floored), the remainder handed out one at a time from the smallest dilation.
/// </summary>
public sealed record DilationPlan(int[] Dilations, int[] FeaturesPerDilation)
{
    /// <summary>Features each kernel yields over all dilations (Σ <see cref="FeaturesPerDilation"/>).</summary>
    public int FeaturesPerKernel => FeaturesPerDilation.Sum();

    public static DilationPlan For(int length, int featuresPerKernel, int maxDilationsPerKernel)
    {
        if (featuresPerKernel < 1) throw new ArgumentOutOfRangeException(nameof(featuresPerKernel));
        int count = Math.Min(featuresPerKernel, maxDilationsPerKernel);
        double multiplier = (double)featuresPerKernel / count;
        // Series shorter than a kernel (L < 9) keep dilation 1: the zero padding still gives an output per step.
        double maxExponent = Math.Max(0, Math.Log2((length - 1) / (double)(MiniRocketKernels.Length - 1)));
        var raw = new int[count];
        for (int i = 0; i < count; i++)
        {
            double exponent = count == 1 ? 0 : maxExponent * i / (count - 1);
            raw[i] = Math.Max(1, (int)Math.Floor(Math.Pow(2, exponent)));
        }
        var dilations = raw.Distinct().Order().ToArray();
        var features = dilations.Select(d => (int)(raw.Count(r => r == d) * multiplier)).ToArray();
        int remainder = featuresPerKernel - features.Sum();
        for (int i = 0; remainder > 0; i = (i + 1) % features.Length, remainder--) features[i]++;
        return new DilationPlan(dilations, features);
    }
}
