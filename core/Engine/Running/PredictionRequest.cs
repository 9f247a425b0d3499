namespace LstmFcn.Pipeline.Engine.Running;

/// <summary>What <c>lstmfcn predict</c> was asked: the model, the data, how to read it and where to write.</summary>
public sealed record PredictionRequest(
    string Model,
    IReadOnlyList<string> Sources,
    string? Loader,
    IReadOnlyList<string> LoaderArguments,
    string? Output,
    bool Csv,
    bool Parquet,
    ComputeDevice Device = ComputeDevice.Auto,
    int Threads = 0);
