namespace LstmFcn.Pipeline;

/// <summary>Where a run executes: on CPU, on a CUDA GPU, or wherever is best (<see cref="Auto"/>).</summary>
public enum ComputeDevice { Auto, Cpu, Cuda }
