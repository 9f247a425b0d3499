namespace LstmFcn.Pipeline;

/// <summary>
/// The memory predicting holds beyond its input: a fixed part (working buffers that do not grow with the batch, such as
/// a network's chunked activations) and a part per series in the batch (a feature row, a copy of the series, the
/// probabilities). Map stages size their model batches by it so that <c>memory_mb</c> covers inference too.
/// </summary>
public readonly record struct InferenceFootprint(long FixedBytes, long BytesPerSeries)
{
    /// <summary>
    /// What a model that does not say is assumed to hold: four float copies of each series (the sample, the prepared
    /// copy, the model's own tensor or array, one more in flight) and its probabilities.
    /// </summary>
    public static InferenceFootprint Assumed(int channels, int length, int classes) =>
        new(0, 4L * 4 * channels * length + 4L * classes);

    /// <summary>Both held at once.</summary>
    public InferenceFootprint Plus(InferenceFootprint other) =>
        new(FixedBytes + other.FixedBytes, BytesPerSeries + other.BytesPerSeries);

    /// <summary>
    /// Series per model call so that the whole footprint fits <paramref name="budgetBytes"/>: at most
    /// <paramref name="largest"/>, at least <paramref name="smallest"/> (a budget below the fixed part still makes progress).
    /// </summary>
    public int BatchWithin(long budgetBytes, int largest, int smallest = 16)
    {
        long room = budgetBytes - FixedBytes;
        long batch = BytesPerSeries <= 0 ? largest : room / BytesPerSeries;
        return (int)Math.Clamp(batch, Math.Min(smallest, largest), largest);
    }
}
