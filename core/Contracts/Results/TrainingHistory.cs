namespace LstmFcn.Pipeline;

public sealed class TrainingHistory
{
    readonly List<EpochRecord> _epochs = new();
    public IReadOnlyList<EpochRecord> Epochs => _epochs;
    public void Add(EpochRecord record) => _epochs.Add(record);
    public static TrainingHistory Empty => new();
}
