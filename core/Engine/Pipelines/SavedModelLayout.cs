namespace LstmFcn.Pipeline.Engine.Pipelines;

/// <summary>
/// How a saved model folder is recognised — by its manifest — so that <c>model: {from: …}</c> can be checked while the
/// pipeline is validated, before the engine reads the model itself.
/// </summary>
public static class SavedModelLayout
{
    /// <summary>The manifest every saved model folder holds (plugin, arguments, fitted preprocessing, classes).</summary>
    public const string ManifestFile = "pipeline-model.json";
}
