using System.Diagnostics;

namespace LstmFcn.Pipeline.Engine.Evaluation;

/// <summary>Seconds per stage of a run (load_s, fit_s, fold_2_fit_s…), as run.json records them.</summary>
public sealed class StageTimings
{
    readonly Stopwatch _clock = Stopwatch.StartNew();
    public Dictionary<string, double> Seconds { get; } = new();

    /// <summary>Records the time since the previous lap as <paramref name="stage"/> and returns it.</summary>
    public double Lap(string stage)
    {
        var s = Math.Round(_clock.Elapsed.TotalSeconds, 3);
        _clock.Restart();
        Seconds[stage] = s;
        return s;
    }

    public double Of(string stage) => Seconds.GetValueOrDefault(stage);
}
