namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>How logs describe a dataset.</summary>
public static class DatasetText
{
    /// <summary>"150" for equal lengths, "7..29" otherwise.</summary>
    public static string Lengths(TimeSeriesDataset data) => data.IsEqualLength ? data.MaxLength.ToString() : $"{data.MinLength}..{data.MaxLength}";
}
