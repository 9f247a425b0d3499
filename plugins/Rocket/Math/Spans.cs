using System.Numerics;

namespace LstmFcn.Rocket;

/// <summary>The few vector loops the transforms spend their time in, over contiguous float spans.</summary>
public static class Spans
{
    /// <summary>destination[i] += source[i].</summary>
    public static void AddTo(Span<float> destination, ReadOnlySpan<float> source)
    {
        int i = 0, w = Vector<float>.Count;
        for (; i <= destination.Length - w; i += w)
            (new Vector<float>(destination[i..]) + new Vector<float>(source[i..])).CopyTo(destination[i..]);
        for (; i < destination.Length; i++) destination[i] += source[i];
    }

    /// <summary>destination[i] = a[i] + b[i] + c[i] + d[i] (a MiniRocket kernel: the −X sum plus its three 3X taps).</summary>
    public static void Sum4(Span<float> destination, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c,
        ReadOnlySpan<float> d)
    {
        int i = 0, w = Vector<float>.Count;
        for (; i <= destination.Length - w; i += w)
            (new Vector<float>(a[i..]) + new Vector<float>(b[i..]) + new Vector<float>(c[i..]) + new Vector<float>(d[i..]))
                .CopyTo(destination[i..]);
        for (; i < destination.Length; i++) destination[i] = a[i] + b[i] + c[i] + d[i];
    }

    /// <summary>destination[i] = a[i] + b[i] + c[i] + d[i] added to what is there (multivariate: summed over channels).</summary>
    public static void AddSum4(Span<float> destination, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c,
        ReadOnlySpan<float> d)
    {
        int i = 0, w = Vector<float>.Count;
        for (; i <= destination.Length - w; i += w)
            (new Vector<float>(destination[i..]) + new Vector<float>(a[i..]) + new Vector<float>(b[i..]) +
             new Vector<float>(c[i..]) + new Vector<float>(d[i..])).CopyTo(destination[i..]);
        for (; i < destination.Length; i++) destination[i] += a[i] + b[i] + c[i] + d[i];
    }

    /// <summary>How many values are strictly greater than <paramref name="threshold"/>.</summary>
    public static int CountAbove(ReadOnlySpan<float> values, float threshold)
    {
        int i = 0, w = Vector<float>.Count;
        var counts = Vector<int>.Zero;
        var t = new Vector<float>(threshold);
        for (; i <= values.Length - w; i += w)
            counts -= Vector.GreaterThan(new Vector<float>(values[i..]), t); // true lanes are −1
        int count = Vector.Sum(counts);
        for (; i < values.Length; i++) if (values[i] > threshold) count++;
        return count;
    }

    /// <summary>Σ a[i]·b[i] in float lanes, summed in double.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0, w = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        for (; i <= a.Length - w; i += w) acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>destination[i] += scale · source[i].</summary>
    public static void AddScaled(Span<float> destination, ReadOnlySpan<float> source, float scale)
    {
        int i = 0, w = Vector<float>.Count;
        var s = new Vector<float>(scale);
        for (; i <= destination.Length - w; i += w)
            (new Vector<float>(destination[i..]) + s * new Vector<float>(source[i..])).CopyTo(destination[i..]);
        for (; i < destination.Length; i++) destination[i] += scale * source[i];
    }
}
