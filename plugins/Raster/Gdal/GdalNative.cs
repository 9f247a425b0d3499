using System.Reflection;
using System.Runtime.InteropServices;

namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary>
/// The slice of GDAL's C API this plugin uses (gdal.h, cpl_error.h, ogr_srs_api.h). Debian ships the library as
/// <c>libgdal.so.32</c> without the unversioned name (that comes only with -dev), so the resolver tries both.
/// </summary>
static unsafe partial class GdalNative
{
    const string Lib = "gdal";

    /// <summary>Registered once when the plugin assembly loads, before any GDAL call.</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RegisterResolver() => NativeLibrary.SetDllImportResolver(typeof(GdalNative).Assembly, Resolve);

    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Lib) return IntPtr.Zero;
        foreach (var candidate in new[] { "libgdal.so", "libgdal.so.36", "libgdal.so.35", "libgdal.so.34", "libgdal.so.33", "libgdal.so.32", "libgdal.so.31", "libgdal.so.30", "libgdal.dylib", "gdal.dll" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        throw new DllNotFoundException("GDAL was not found: install Debian's libgdal32 (build/setup.sh does) or put libgdal on the library path");
    }

    public const int GA_ReadOnly = 0, GA_Update = 1;
    public const int GF_Read = 0, GF_Write = 1;
    public const int CE_None = 0, CE_Failure = 3;

    [LibraryImport(Lib)] public static partial void GDALAllRegister();
    [LibraryImport(Lib)] public static partial void GDALSetCacheMax64(long bytes);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALOpen(string path, int access);
    [LibraryImport(Lib)] public static partial void GDALClose(IntPtr dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterXSize(IntPtr dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterYSize(IntPtr dataset);
    [LibraryImport(Lib)] public static partial int GDALGetRasterCount(IntPtr dataset);
    [LibraryImport(Lib)] public static partial int GDALGetGeoTransform(IntPtr dataset, double* transform);
    [LibraryImport(Lib)] public static partial int GDALSetGeoTransform(IntPtr dataset, double* transform);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetProjectionRef(IntPtr dataset);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int GDALSetProjection(IntPtr dataset, string wkt);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetRasterBand(IntPtr dataset, int band);
    [LibraryImport(Lib)] public static partial int GDALGetRasterDataType(IntPtr band);
    [LibraryImport(Lib)] public static partial double GDALGetRasterNoDataValue(IntPtr band, int* success);
    [LibraryImport(Lib)] public static partial int GDALSetRasterNoDataValue(IntPtr band, double value);
    [LibraryImport(Lib)] public static partial void GDALGetBlockSize(IntPtr band, int* x, int* y);
    [LibraryImport(Lib)] public static partial double GDALGetRasterScale(IntPtr band, int* success);
    [LibraryImport(Lib)] public static partial double GDALGetRasterOffset(IntPtr band, int* success);
    [LibraryImport(Lib)] public static partial int GDALRasterIO(IntPtr band, int rw, int xOff, int yOff, int xSize, int ySize,
        void* buffer, int bufXSize, int bufYSize, int bufType, int pixelSpace, int lineSpace);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALGetDriverByName(string name);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALCreate(IntPtr driver, string path,
        int xSize, int ySize, int bands, int type, IntPtr* options);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALCreateCopy(IntPtr driver, string path,
        IntPtr source, int strict, IntPtr* options, IntPtr progress, IntPtr progressData);
    [LibraryImport(Lib)] public static partial int GDALFlushCache(IntPtr dataset);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial void GDALSetDescription(IntPtr majorObject, string description);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetDescription(IntPtr majorObject);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr GDALGetMetadataItem(IntPtr majorObject, string name, string? domain);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int GDALSetMetadataItem(IntPtr majorObject, string name, string value, string? domain);
    [LibraryImport(Lib)] public static partial IntPtr GDALCreateColorTable(int interpretation);
    [LibraryImport(Lib)] public static partial void GDALDestroyColorTable(IntPtr table);
    [LibraryImport(Lib)] public static partial void GDALSetColorEntry(IntPtr table, int index, ColorEntry* entry);
    [LibraryImport(Lib)] public static partial int GDALSetRasterColorTable(IntPtr band, IntPtr table);
    [LibraryImport(Lib)] public static partial int GDALSetRasterColorInterpretation(IntPtr band, int interpretation);
    [LibraryImport(Lib)] public static partial int GDALSetRasterCategoryNames(IntPtr band, IntPtr* names);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int GDALBuildOverviews(IntPtr dataset, string resampling,
        int overviewCount, int* overviews, int bandCount, int* bands, IntPtr progress, IntPtr progressData);
    [LibraryImport(Lib)] public static partial IntPtr GDALGetRasterCategoryNames(IntPtr band);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial void CPLSetConfigOption(string key, string? value);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial void CPLSetThreadLocalConfigOption(string key, string? value);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial void VSICurlPartialClearCache(string prefix);
    [LibraryImport(Lib)] public static partial IntPtr CPLGetLastErrorMsg();
    [LibraryImport(Lib)] public static partial void CPLErrorReset();
    [LibraryImport(Lib)] public static partial IntPtr CPLSetErrorHandler(IntPtr handler);
    [LibraryImport(Lib)] public static partial void CPLQuietErrorHandler(int errorClass, int errorNumber, IntPtr message);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr OSRNewSpatialReference(string? wkt);
    [LibraryImport(Lib)] public static partial void OSRDestroySpatialReference(IntPtr srs);
    [LibraryImport(Lib)] public static partial int OSRImportFromEPSG(IntPtr srs, int code);
    [LibraryImport(Lib)] public static partial void OSRSetAxisMappingStrategy(IntPtr srs, int strategy);
    [LibraryImport(Lib)] public static partial int OSRIsGeographic(IntPtr srs);
    [LibraryImport(Lib)] public static partial double OSRGetLinearUnits(IntPtr srs, IntPtr* name);
    [LibraryImport(Lib)] public static partial IntPtr OCTNewCoordinateTransformation(IntPtr source, IntPtr target);
    [LibraryImport(Lib)] public static partial void OCTDestroyCoordinateTransformation(IntPtr transform);
    [LibraryImport(Lib)] public static partial int OCTTransform(IntPtr transform, int count, double* x, double* y, double* z);

    public const int OAMS_TRADITIONAL_GIS_ORDER = 0;
    public const int GPI_RGB = 1;
    public const int GCI_PaletteIndex = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct ColorEntry
    {
        public short C1, C2, C3, C4;
    }

    public static string LastError()
    {
        var p = CPLGetLastErrorMsg();
        return p == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(p) ?? "";
    }

    public static string? Utf8(IntPtr p) => p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
}
