namespace LstmFcn.Plugins.Signal;

/// <summary>
/// Piecewise aggregate approximation: output point i is the mean of the input over the interval
/// [i·n/m, (i+1)·n/m) of the n input points, for m output points. When m does not divide n, boundary points count
/// with the fraction of them inside the interval, so every input point weighs the same in total and a constant
/// series stays constant. With m > n each output repeats the input point it falls in.
/// </summary>
public static class PiecewiseAggregate
{
    public static void Reduce(ReadOnlySpan<float> input, Span<float> output)
    {
        int n = input.Length, m = output.Length;
        if (n == 0 || m == 0) throw new ArgumentException("PAA needs at least one input and one output point");
        double width = n / (double)m;
        for (int i = 0; i < m; i++)
        {
            double from = (double)i * n / m, to = (double)(i + 1) * n / m;
            int first = (int)Math.Floor(from), last = Math.Min(n - 1, (int)Math.Ceiling(to) - 1);
            double sum = 0;
            for (int j = first; j <= last; j++)
            {
                double overlap = Math.Min(to, j + 1) - Math.Max(from, j);
                sum += input[j] * overlap;
            }
            output[i] = (float)(sum / width);
        }
    }
}
