namespace LstmFcn.Pipeline;

/// <summary>
/// <c>lstmfcn cube describe</c>: what a cube holds — tiles, bands, dates, CRS, resolution, missing files or assets —
/// before any pixel is read.
/// </summary>
public interface IDescribesCube : ICubeReader
{
    /// <summary>The description, as text for a terminal.</summary>
    string DescribeCube(PluginArguments arguments);
}
