namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>What a cube plugin's <c>cube</c> names: a folder (or a URL with a file list) of GeoTIFFs, or a STAC source.</summary>
public enum CubeSource { Folder, Stac }
