using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Plugins.Raster.Cube;
using LstmFcn.Plugins.Raster.Io;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// The bands and dates a model was trained on, held against a cube before any pixel is classified: a missing or extra
/// band, a missing date or dates of another year are each an error naming the cube and the date, unless the timeline
/// policy accepts them. A model saved without its training dates (series from a table) is checked by count only.
/// </summary>
public static class ModelTimeline
{
    /// <summary>Opens the cube with the model's bands (unless the options name them) and checks its timeline.</summary>
    public static RasterCube OpenFor(ITrainedPipeline pipeline, CubeClassifyMap.Options options, IRasterFiles io, string plugin, IRunLog log)
    {
        var input = pipeline.Input;
        var modelBands = input?.ChannelNames;
        if (options.Bands.Count > 0 && modelBands is not null && !options.Bands.SequenceEqual(modelBands, StringComparer.Ordinal))
            throw new InvalidDataException($"{plugin}.bands [{string.Join(", ", options.Bands)}]: the model was trained on [{string.Join(", ", modelBands)}], in that order");
        var cube = CubeParameters.Open(options, io, plugin, options.Bands.Count > 0 ? options.Bands : modelBands);
        if (input is null)
        {
            log.Warn($"{plugin}: the model records no training bands or dates (saved before they were recorded); the cube's are not checked");
            return cube;
        }
        if (cube.Bands.Count != input.Channels)
            throw new InvalidDataException($"{options.Cube}: {cube.Bands.Count} band(s) [{string.Join(", ", cube.Bands)}]; the model was trained on {input.Channels}");
        Check(cube.Dates, input, options, log, plugin);
        return cube;
    }

    static void Check(IReadOnlyList<DateOnly> dates, TrainingInput input, CubeClassifyMap.Options options, IRunLog log, string plugin)
    {
        var cube = options.Cube;
        var trained = Dates(input.TimeNames);
        if (trained is null)
        {
            if (input.MinLength != input.MaxLength || dates.Count != input.MaxLength)
                throw new InvalidDataException($"{cube}: {dates.Count} date(s); the model was trained on series of {LengthText(input)} time steps");
            log.Info($"{plugin}: the model records no training dates; the cube's {dates.Count} dates match its length");
            return;
        }
        for (int i = 0; i < Math.Max(dates.Count, trained.Count); i++)
        {
            if (i >= dates.Count)
                throw new InvalidDataException($"{cube}: no file for {trained[i]:yyyy-MM-dd} (date {i + 1} of the {trained.Count} the model was trained on); the cube has {dates.Count}");
            if (i >= trained.Count)
                throw new InvalidDataException($"{cube}: {dates[i]:yyyy-MM-dd} is date {i + 1}, but the model was trained on {trained.Count} dates ({trained[0]:yyyy-MM-dd} … {trained[^1]:yyyy-MM-dd})");
            if (!Accepts(options.Timeline, options.TimelineDays, dates[i], trained[i]))
                throw new InvalidDataException($"{cube}: date {i + 1} is {dates[i]:yyyy-MM-dd}, the model's is {trained[i]:yyyy-MM-dd} " +
                                               $"({Describe(dates[i], trained[i])}); timeline: {PolicyName(options.Timeline)} does not accept it" +
                                               (options.Timeline == TimelinePolicy.Strict ? " (timeline: same-season accepts the same days of another year; nearest accepts dates within timeline_days)" : ""));
        }
        if (options.Timeline != TimelinePolicy.Strict && !dates.SequenceEqual(trained))
            log.Info($"{plugin}: the cube's dates {dates[0]:yyyy-MM-dd} … {dates[^1]:yyyy-MM-dd} stand for the model's {trained[0]:yyyy-MM-dd} … {trained[^1]:yyyy-MM-dd} (timeline: {PolicyName(options.Timeline)})");
    }

    public static bool Accepts(TimelinePolicy policy, int days, DateOnly date, DateOnly trained) => policy switch
    {
        TimelinePolicy.Strict => date == trained,
        TimelinePolicy.SameSeason => (date.Month == trained.Month && date.Day == trained.Day) || date.DayOfYear == trained.DayOfYear,
        _ => Math.Abs(date.DayNumber - trained.DayNumber) <= days,
    };

    static string Describe(DateOnly date, DateOnly trained)
    {
        int shift = date.DayNumber - trained.DayNumber;
        return $"{Math.Abs(shift)} day(s) {(shift > 0 ? "later" : "earlier")}";
    }

    static string PolicyName(TimelinePolicy policy) => policy switch
    {
        TimelinePolicy.Strict => "strict",
        TimelinePolicy.SameSeason => "same-season",
        _ => "nearest",
    };

    static string LengthText(TrainingInput input) =>
        input.MinLength == input.MaxLength ? input.MaxLength.ToString(CultureInfo.InvariantCulture) : $"{input.MinLength}..{input.MaxLength}";

    /// <summary>The model's time-step names as dates, when every one is a date.</summary>
    static List<DateOnly>? Dates(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0) return null;
        var dates = new List<DateOnly>(names.Count);
        foreach (var name in names)
        {
            if (!DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
            dates.Add(date);
        }
        return dates;
    }
}
