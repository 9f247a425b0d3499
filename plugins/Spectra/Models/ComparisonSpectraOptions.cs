namespace LstmFcn.Plugins.Spectra.Models;

/// <summary>The comparison models' settings (the defaults of <see cref="SpectraOptions"/>).</summary>
public sealed record ComparisonSpectraOptions : SpectraOptions;
