namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>How the sequence networks encode position: order within the sequence (the paper) or the loader's experiment index.</summary>
public enum SpectraPositions { Sequence, Experiment }
