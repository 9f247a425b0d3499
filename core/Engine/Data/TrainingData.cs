
namespace LstmFcn.Pipeline.Engine.Data;

/// <summary>What any model needs of the data it is fitted on, checked before fitting starts.</summary>
public static class TrainingData
{
    public static void Check(TimeSeriesDataset train)
    {
        if (train.Count == 0) throw new InvalidDataException("the training set is empty");
        var unlabelled = train.Samples.FirstOrDefault(s => s.Label < 0);
        if (unlabelled is not null)
            throw new InvalidDataException($"training series '{unlabelled.Id}' has no label (or one the model's classes do not know); every training series needs one");
        var counts = train.ClassCounts();
        var present = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToList();
        if (present.Count < 2)
            throw new InvalidDataException(
                $"the training data holds only class '{train.Classes[present[0]]}' ({counts[present[0]]} series): a classifier needs at least two classes to learn from");
        FiniteValues.Require(train, "training data", MissingValues.Remedy);
    }
}
