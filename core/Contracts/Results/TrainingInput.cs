namespace LstmFcn.Pipeline;

/// <summary>
/// The shape of the data a pipeline was trained on: the series as loaded (channels, their names, lengths and the
/// names of their time steps — e.g. the dates of a cube's samples) and as the model saw them after preprocessing.
/// Saved with the model, so new data — series or a cube — is checked against it before any work.
/// </summary>
public sealed record TrainingInput(
    int Channels,
    IReadOnlyList<string>? ChannelNames,
    int MinLength,
    int MaxLength,
    IReadOnlyList<string>? TimeNames,
    int PreparedChannels,
    int PreparedMinLength,
    int PreparedMaxLength)
{
    public static TrainingInput Of(TimeSeriesDataset raw, TimeSeriesDataset prepared) => new(
        raw.Channels, raw.ChannelNames(), raw.MinLength, raw.MaxLength, raw.TimeNames(),
        prepared.Channels, prepared.MinLength, prepared.MaxLength);

    /// <summary>Whether the model saw one length only: then new series must have it after preprocessing.</summary>
    public bool FixedPreparedLength => PreparedMinLength == PreparedMaxLength;
}
