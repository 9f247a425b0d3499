namespace LstmFcn.Pipeline;

/// <summary>Row-major n × k class probabilities.</summary>
public sealed class ProbabilityMatrix
{
    public ProbabilityMatrix(float[] values, int rows, ClassLabels classes)
    {
        if (values.Length != rows * classes.Count)
            throw new ArgumentException($"{values.Length} probabilities do not fill {rows} rows × {classes.Count} classes");
        Values = values;
        Rows = rows;
        Classes = classes;
    }

    public float[] Values { get; }
    public int Rows { get; }
    public ClassLabels Classes { get; }
    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * Classes.Count, Classes.Count);

    /// <summary>Index of the most probable class of each row (the first on ties).</summary>
    public int[] ArgMax()
    {
        var result = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            var row = Row(i);
            int best = 0;
            for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
            result[i] = best;
        }
        return result;
    }
}

/// <summary>One epoch's figures; NaN where a figure is not measured (e.g. no validation split).</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationAccuracy, double LearningRate, double Seconds, int Round = 0);

public sealed class TrainingHistory
{
    readonly List<EpochRecord> _epochs = new();
    public IReadOnlyList<EpochRecord> Epochs => _epochs;
    public void Add(EpochRecord record) => _epochs.Add(record);
    public static TrainingHistory Empty => new();
}

/// <summary>Everything a reporter may look at once a run has predicted its test set.</summary>
public sealed record RunOutcome(
    string PipelineName,
    TimeSeriesDataset Train,
    TimeSeriesDataset Test,
    ProbabilityMatrix TestProbabilities,
    ITrainedModel Model,
    TimeSpan FitTime,
    TimeSpan PredictTime)
{
    /// <summary>
    /// The fitted preprocessing and model as one predictor of raw data (what the loader produces), for reporters
    /// that classify more than the test set, e.g. every pixel of a raster cube. Null when the engine gives none.
    /// </summary>
    public ITrainedPipeline? Pipeline { get; init; }

    /// <summary>How <see cref="TestProbabilities"/> were obtained: "holdout" (a test set) or "5-fold cv" (out-of-fold).</summary>
    public string Evaluation { get; init; } = "holdout";
}

/// <summary>A trained pipeline: its fitted preprocessing steps followed by its model.</summary>
public interface ITrainedPipeline
{
    ClassLabels Classes { get; }
    /// <summary>Applies the fitted preprocessing (the evaluation transform, never the training one).</summary>
    TimeSeriesDataset Prepare(TimeSeriesDataset raw);
    /// <summary>Prepare, then the model's class probabilities.</summary>
    ProbabilityMatrix PredictProbabilities(TimeSeriesDataset raw, RunContext context);
    /// <summary>
    /// A digest of everything that decides predictions (model files, preprocessing state, arguments), so derived
    /// results such as finished map blocks can tell whether they came from this very pipeline.
    /// </summary>
    string Fingerprint { get; }
}
