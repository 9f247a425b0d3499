namespace LstmFcn.Pipeline;

public interface IProgressBar : IDisposable
{
    /// <summary>Sets the bar to <paramref name="value"/> and its status text (e.g. "loss 0.31 acc 0.92 lr 1e-3").</summary>
    void Report(double value, string? status = null);
}
