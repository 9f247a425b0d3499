namespace LstmFcn.Plugins.Ecg;

/// <summary>
/// One signal specification line of a WFDB header: where the samples are stored and how ADC units map to physical
/// units (physical = (adc − <see cref="Baseline"/>) / <see cref="Gain"/>).
/// </summary>
public sealed record WfdbSignal(
    string FileName,
    int Format,
    int ByteOffset,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int? InitialValue,
    string Description,
    int Line);
