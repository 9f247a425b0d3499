namespace LstmFcn.Torch;

/// <summary>
/// Keras' ReduceLROnPlateau (mode min, absolute min_delta, no cooldown): after <c>patience</c> epochs without the
/// monitored value improving by more than <c>minDelta</c>, multiply the rate by <c>factor</c>, not below <c>minRate</c>.
/// </summary>
public sealed class PlateauSchedule
{
    readonly double _factor, _minRate, _minDelta;
    readonly int _patience;

    public PlateauSchedule(double initialRate, double factor, int patience, double minRate, double minDelta = 1e-4)
    {
        Rate = initialRate;
        (_factor, _patience, _minRate, _minDelta) = (factor, patience, minRate, minDelta);
    }

    public double Rate { get; private set; }
    public double Best { get; private set; } = double.PositiveInfinity;
    public int Wait { get; private set; }

    /// <summary>Feeds one epoch's monitored value; returns true when the rate was lowered.</summary>
    public bool Step(double monitored)
    {
        if (monitored < Best - _minDelta)
        {
            Best = monitored;
            Wait = 0;
            return false;
        }
        if (++Wait < _patience) return false;
        Wait = 0;
        if (Rate <= _minRate) return false;
        Rate = Math.Max(Rate * _factor, _minRate);
        return true;
    }

    public void Restore(double rate, double best, int wait) => (Rate, Best, Wait) = (rate, best, wait);
}
