using System.Globalization;
using System.Text;

namespace LstmFcn.Pipeline.Engine.Outputs;

/// <summary>Writes a model's per-epoch figures as CSV (empty cells where a figure was not measured).</summary>
public static class HistoryWriter
{
    public const string Header = "epoch,round,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds";

    public static void Write(IArtifactWriter artifacts, string name, TrainingHistory history)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var e in history.Epochs)
            sb.Append(e.Epoch.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(e.Round.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(F(e.TrainLoss)).Append(',').Append(F(e.TrainAccuracy)).Append(',')
              .Append(F(e.ValidationLoss)).Append(',').Append(F(e.ValidationAccuracy)).Append(',')
              .Append(F(e.LearningRate)).Append(',').Append(F(e.Seconds)).Append('\n');
        artifacts.WriteText(name, sb.ToString());
    }

    static string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
