namespace LstmFcn.Plugins.Signal;

/// <summary>The symmetric Kaiser window (as numpy.kaiser / scipy get_window(('kaiser', β), n, fftbins=False)).</summary>
public static class KaiserWindow
{
    public static double[] Symmetric(int length, double beta)
    {
        var w = new double[length];
        if (length == 1) { w[0] = 1; return w; }
        double denominator = BesselI0(beta);
        for (int n = 0; n < length; n++)
        {
            double r = 2.0 * n / (length - 1) - 1;
            w[n] = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - r * r))) / denominator;
        }
        return w;
    }

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges for all x).</summary>
    public static double BesselI0(double x)
    {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 500; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
