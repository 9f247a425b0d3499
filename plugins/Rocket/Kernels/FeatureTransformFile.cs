using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>A transform written with its kind first, so a saved model reads back the transform it was fitted with.</summary>
public static class FeatureTransformFile
{
    public static void Write(BinaryWriter writer, IFeatureTransform transform)
    {
        writer.Write(transform.Kind);
        transform.Write(writer);
    }

    public static IFeatureTransform Read(BinaryReader reader)
    {
        string kind = reader.ReadString();
        return kind switch
        {
            "minirocket" or "multirocket" => MiniRocketFeatures.Read(kind, reader),
            "hydra" => HydraTransform.Read(reader),
            "hydra-multirocket" => new ConcatenatedFeatures(kind,
                Enumerable.Range(0, ReadCount(reader)).Select(_ => Read(reader)).ToArray()),
            _ => throw new InvalidDataException($"unknown transform '{kind}'")
        };
    }

    static int ReadCount(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        return count is >= 1 and <= 4 ? count : throw new InvalidDataException($"{count} concatenated transforms");
    }
}
