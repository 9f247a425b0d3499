namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a trained model: the memory its prediction holds for series of this shape (see
/// <see cref="InferenceFootprint"/>). Models without it are assumed to hold <see cref="InferenceFootprint.Assumed"/>.
/// </summary>
public interface IInferenceFootprint
{
    InferenceFootprint FootprintFor(int channels, int length);
}
