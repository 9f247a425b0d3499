namespace LstmFcn.Plugins.Spectra.Loading;

/// <summary>A file whose content breaks the .xy layout; the message names the file and, where it applies, the line.</summary>
public sealed class SpectrumFormatException(string message) : IOException(message);
