using LstmFcn.Pipeline.Engine.Models;
using LstmFcn.Pipeline.Engine.Pipelines;

namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>
/// Checks new data against the shape a saved pipeline was trained on, before anything is predicted or written:
/// channels (and their names, when both are known), and — after the pipeline's own preprocessing — the channels and
/// length the model saw. A mismatch is a <see cref="PipelineException"/> naming the source and what the model expects.
/// </summary>
public static class InputCheck
{
    /// <summary>How many series are prepared to check the prepared shape (preprocessing works series by series).</summary>
    const int Probe = 8;

    public static Dictionary<string, object?> Require(string source, TimeSeriesDataset data, FittedPipeline pipeline)
    {
        var where = new SourceLocation(source, 0, 0);
        if (data.Count == 0) throw new PipelineException(where, "no series found to predict");
        var found = new Dictionary<string, object?>
        {
            ["source"] = Path.GetFullPath(source),
            ["series"] = data.Count,
            ["labelled"] = data.Samples.Count(s => s.Label >= 0),
            ["channels"] = data.Channels,
            ["length"] = data.IsEqualLength ? data.MaxLength : $"{data.MinLength}..{data.MaxLength}",
        };
        if (pipeline.Input is not { } expected)
        {
            found["checked"] = "the model does not record its training data's shape (saved by an earlier version); the model checks what it can";
            return found;
        }
        if (data.Channels != expected.Channels)
            throw new PipelineException(where,
                $"the series have {data.Channels} channel(s); the model was trained on {expected.Channels}" + Names(expected.ChannelNames));
        if (expected.ChannelNames is { } names && data.ChannelNames() is { } given && !names.SequenceEqual(given))
            throw new PipelineException(where, $"the channels are [{string.Join(", ", given)}]; the model was trained on [{string.Join(", ", names)}], in that order");
        var probe = pipeline.Prepare(data.WithSamples(data.Samples.Take(Probe).ToList()));
        if (probe.Channels != expected.PreparedChannels)
            throw new PipelineException(where,
                $"after the model's preprocessing the series have {probe.Channels} channel(s); the model takes {expected.PreparedChannels}");
        if (expected.FixedPreparedLength && probe.Samples.FirstOrDefault(s => s.Length != expected.PreparedMaxLength) is { } odd)
            throw new PipelineException(where,
                $"series '{odd.Id}' has length {odd.Length} after the model's preprocessing; the model takes {expected.PreparedMaxLength} steps " +
                $"(its training series were {Lengths(expected.MinLength, expected.MaxLength)} long as loaded; a fixed-length or crop-pad step in " +
                "the training pipeline would make other lengths fit)");
        found["checked"] = $"channels {expected.Channels}, prepared {expected.PreparedChannels} × {Lengths(expected.PreparedMinLength, expected.PreparedMaxLength)}";
        return found;
    }

    static string Names(IReadOnlyList<string>? names) => names is null ? "" : $" ({string.Join(", ", names)})";

    static string Lengths(int min, int max) => min == max ? min.ToString() : $"{min}..{max}";
}
