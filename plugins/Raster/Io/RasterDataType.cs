namespace LstmFcn.Plugins.Raster.Io;

/// <summary>Pixel types, numbered as GDAL numbers them.</summary>
public enum RasterDataType { Byte = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Float64 = 7 }
