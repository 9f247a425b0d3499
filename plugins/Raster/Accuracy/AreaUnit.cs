namespace LstmFcn.Plugins.Raster.Accuracy;

/// <summary>The unit areas are reported in.</summary>
public enum AreaUnit
{
    [LstmFcn.Pipeline.Choice("ha")] Hectares,
    [LstmFcn.Pipeline.Choice("km2")] SquareKilometres,
    [LstmFcn.Pipeline.Choice("m2")] SquareMetres,
    [LstmFcn.Pipeline.Choice("pixels")] Pixels,
}
