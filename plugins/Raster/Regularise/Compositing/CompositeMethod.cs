namespace LstmFcn.Regularisation;

/// <summary>How the valid values of one interval become its one value.</summary>
public enum CompositeMethod
{
    /// <summary>The value of the earliest date in the interval that is valid (not nodata, not masked).</summary>
    FirstValid,
    /// <summary>The median of the interval's valid values (the mean of the middle two for an even count).</summary>
    Median,
}
