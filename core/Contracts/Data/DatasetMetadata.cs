namespace LstmFcn.Pipeline;

/// <summary>Well-known keys of <see cref="TimeSeriesDataset.Metadata"/>.</summary>
public static class DatasetMetadata
{
    /// <summary>The dataset's name as loaders know it (e.g. "GunPoint"): run.json records it, <c>compare</c> groups by it.</summary>
    public const string Name = "dataset";
    /// <summary>Where the data came from (a file or folder).</summary>
    public const string Source = "source";
}
