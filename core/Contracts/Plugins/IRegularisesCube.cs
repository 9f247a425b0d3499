namespace LstmFcn.Pipeline;

/// <summary><c>lstmfcn cube regularize</c>: an irregular cube (masked by its quality band) → a local regular cube.</summary>
public interface IRegularisesCube : ICubeReader
{
    /// <returns>The regular dates written.</returns>
    IReadOnlyList<DateOnly> RegulariseCube(PluginArguments arguments, CubeRegularisation request);
}
