namespace LstmFcn.Pipeline;

/// <summary>
/// One (possibly multivariate) series: <see cref="Channels"/> × <see cref="Length"/> values stored channel-major in one
/// contiguous array, so hot loops work on spans without per-sample allocation.
/// </summary>
public sealed class TimeSeriesSample
{
    public TimeSeriesSample(string id, float[] values, int channels, int label,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), "a series has at least one channel");
        if (values.Length % channels != 0)
            throw new ArgumentException($"{values.Length} values cannot be split into {channels} equal channels", nameof(values));
        Id = id;
        Values = values;
        Channels = channels;
        Length = values.Length / channels;
        Label = label;
        Metadata = metadata ?? EmptyMetadata;
    }

    static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();

    public string Id { get; }
    /// <summary>Channel-major values: channel c occupies [c·Length, (c+1)·Length).</summary>
    public float[] Values { get; }
    public int Channels { get; }
    public int Length { get; }
    /// <summary>Index into the dataset's <see cref="ClassLabels"/>, or <see cref="Unlabelled"/>.</summary>
    public int Label { get; }
    /// <summary>Free metadata: timestamps, coordinates, source file…</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public const int Unlabelled = -1;

    /// <summary>
    /// Metadata key set by preprocessing that cuts a series into windows (crop-pad with <c>windows: true</c>): the id of
    /// the series a window came from. The engine averages the windows' class probabilities back into one prediction
    /// for that series (a soft vote), so scores, predictions and maps keep one row per series.
    /// </summary>
    public const string WindowOfKey = "window_of";

    /// <summary>
    /// Metadata key set when a series' label is not one of the model's classes (new data labelled with names the model
    /// never learned): the series is <see cref="Unlabelled"/> for scoring and keeps its label here for the tables.
    /// </summary>
    public const string UnknownLabelKey = "unknown_label";

    public ReadOnlySpan<float> Channel(int channel) => Values.AsSpan(channel * Length, Length);

    /// <summary>A copy with other values (same id, label and metadata), e.g. after preprocessing.</summary>
    public TimeSeriesSample WithValues(float[] values, int channels) => new(Id, values, channels, Label, Metadata);
}
