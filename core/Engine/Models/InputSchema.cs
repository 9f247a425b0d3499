namespace LstmFcn.Pipeline.Engine.Models;

/// <summary>
/// The shape of the data a pipeline was trained on, saved with it so that new data is checked before any work: the
/// raw series as loaded (channels, their names, lengths, the time names — e.g. a cube's dates) and the series as the
/// model saw them after preprocessing.
/// </summary>
public sealed record InputSchema(
    int Channels,
    IReadOnlyList<string>? ChannelNames,
    int MinLength,
    int MaxLength,
    IReadOnlyList<string>? TimeNames,
    int PreparedChannels,
    int PreparedMinLength,
    int PreparedMaxLength)
{
    public static InputSchema Of(TimeSeriesDataset raw, TimeSeriesDataset prepared) => new(
        raw.Channels, raw.ChannelNames(), raw.MinLength, raw.MaxLength, raw.TimeNames(),
        prepared.Channels, prepared.MinLength, prepared.MaxLength);

    /// <summary>Whether the model saw one length only: then new series must have it after preprocessing.</summary>
    public bool FixedPreparedLength => PreparedMinLength == PreparedMaxLength;
}
