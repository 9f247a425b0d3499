namespace LstmFcn.Pipeline.Engine.Data;

/// <summary>
/// What the pipeline's <c>missing:</c> key asks for when loaded series hold missing values (NaN, or ±∞): refuse them
/// (<c>error</c>, the default, naming the series and position), fill them by linear interpolation in time (the nearest
/// value at either end), or set them to zero. The policy is saved with the model and applied to new data the same way.
/// </summary>
public enum MissingValuePolicy { Error, Interpolate, Zero }
