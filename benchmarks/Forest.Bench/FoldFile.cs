using System.Text;
using LstmFcn.Pipeline;

namespace LstmFcn.Benchmarks.Forest;

/// <summary>The fold of every sample as CSV (<c>id,label,fold</c>, folds 1..K), shared with the scikit-learn script.</summary>
static class FoldFile
{
    public static void Write(string path, TimeSeriesDataset data, int[] folds)
    {
        var csv = new StringBuilder("id,label,fold\n");
        for (int i = 0; i < data.Count; i++)
            csv.Append(data.Samples[i].Id).Append(',').Append(data.Classes[data.Samples[i].Label]).Append(',').Append(folds[i] + 1).Append('\n');
        var temp = path + ".partial";
        File.WriteAllText(temp, csv.ToString());
        File.Move(temp, path, overwrite: true);
    }
}
