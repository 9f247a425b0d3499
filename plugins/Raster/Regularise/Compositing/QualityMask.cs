namespace LstmFcn.Regularisation;

/// <summary>
/// A cloud/quality band's classes that make a pixel invalid, e.g. Sentinel-2 SCL 3 (cloud shadow), 8, 9 (cloud medium
/// and high probability), 10 (thin cirrus): the other bands' values there become NaN (nodata). A NaN mask value (the
/// mask band's own nodata) masks too.
/// </summary>
public sealed class QualityMask
{
    readonly HashSet<int> _invalid;

    public QualityMask(IEnumerable<int> invalidClasses) => _invalid = invalidClasses.ToHashSet();

    /// <summary>Sentinel-2 SCL: cloud shadow, cloud medium/high probability, thin cirrus (sits' default for SCL).</summary>
    public static QualityMask Sentinel2Scl() => new(new[] { 3, 8, 9, 10 });

    public bool Masks(float maskValue) => float.IsNaN(maskValue) || _invalid.Contains((int)MathF.Round(maskValue));

    /// <summary>Sets <paramref name="values"/>[i] to NaN wherever <paramref name="mask"/>[i] is an invalid class.</summary>
    public void Apply(Span<float> values, ReadOnlySpan<float> mask)
    {
        if (mask.Length != values.Length) throw new ArgumentException($"{mask.Length} mask values for {values.Length} values", nameof(mask));
        for (int i = 0; i < values.Length; i++)
            if (Masks(mask[i])) values[i] = float.NaN;
    }
}
