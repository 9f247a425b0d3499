namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a map verb: holds a trained pipeline against what the verb will read (a cube's bands and
/// dates against those the model was trained on). For a saved model the engine calls it before the run directory
/// exists, so input the model cannot take is refused with nothing written; it throws
/// <see cref="InvalidDataException"/> naming the file and what the model expects.
/// </summary>
public interface IChecksMapInput
{
    void CheckInput(ITrainedPipeline pipeline, PluginArguments args, RunContext context);
}
