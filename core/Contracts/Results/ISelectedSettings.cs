namespace LstmFcn.Pipeline;

/// <summary>
/// Optional capability of a trained model: settings it chose itself while fitting (e.g. LSTM-FCN's cell count picked
/// among <c>cells_candidates</c> on a split of the training set). The engine records them in scores.json, so tools
/// that compare runs (<c>reproduce</c>) read them from the run's outputs, not from a plugin's private files.
/// </summary>
public interface ISelectedSettings
{
    IReadOnlyDictionary<string, object> Selected { get; }
}
