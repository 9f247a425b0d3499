using System.Runtime.InteropServices;

namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>Band scale/offset setters (kept apart: only probability maps use them).</summary>
static partial class GdalScale
{
    [LibraryImport("gdal")] public static partial int GDALSetRasterScale(IntPtr band, double scale);
    [LibraryImport("gdal")] public static partial int GDALSetRasterOffset(IntPtr band, double offset);

    public static void SetRasterScale(IntPtr band, double scale) => GDALSetRasterScale(band, scale);
    public static void SetRasterOffset(IntPtr band, double offset) => GDALSetRasterOffset(band, offset);
}
