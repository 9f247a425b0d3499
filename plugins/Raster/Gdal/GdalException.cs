namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>A GDAL call failed; the message names the file, what was being done and GDAL's own error text.</summary>
public sealed class GdalException : IOException
{
    public GdalException(string path, string action)
        : base($"{path}: {action} failed: {Detail()}") { }

    static string Detail()
    {
        var message = GdalNative.LastError();
        GdalNative.CPLErrorReset();
        return message.Length > 0 ? message : "GDAL gave no reason";
    }
}
