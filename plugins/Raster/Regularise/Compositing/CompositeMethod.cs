namespace LstmFcn.Regularisation;

/// <summary>How the valid values of one interval become its one value.</summary>
public enum CompositeMethod
{
    /// <summary>The value of the earliest date in the interval that is valid (not nodata, not masked).</summary>
    FirstValid,
    /// <summary>The median of the interval's valid values (the mean of the middle two for an even count).</summary>
    Median,
    /// <summary>
    /// sits' least-cloudy-first merge: the interval's dates ranked by the share of the tile they have masked (fewest
    /// first; ties by date), and per pixel the first valid value in that order — so a pixel the clearest date masks
    /// takes the next clearest date's value. The rank is the tile's, not the block's, so blocks never disagree.
    /// </summary>
    LeastCloudy,
}
