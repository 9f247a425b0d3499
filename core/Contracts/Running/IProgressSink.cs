namespace LstmFcn.Pipeline;

public interface IProgressSink
{
    /// <summary>Starts a bar of <paramref name="total"/> steps; dispose it when the work ends.</summary>
    IProgressBar Start(string description, double total);
}
