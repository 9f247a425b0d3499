using System.Runtime.InteropServices;
using LstmFcn.Plugins.Raster.Io;
using static LstmFcn.Plugins.Raster.Gdal.GdalNative;

namespace LstmFcn.Plugins.Raster.Gdal;

/// <summary><see cref="IRasterFiles"/> over GDAL's C API.</summary>
public sealed unsafe class GdalRasterFiles : IRasterFiles
{
    static readonly object InitLock = new();
    static bool _initialised;
    const long CacheBytes = 64L << 20;

    public static GdalRasterFiles Instance { get; } = new();

    GdalRasterFiles() { }

    internal static void EnsureInitialised() => Initialise();

    static void Initialise()
    {
        lock (InitLock)
        {
            if (_initialised) return;
            GDALAllRegister();
            // GDAL prints errors to stderr by default; they are raised as exceptions with the file name instead.
            var quiet = (IntPtr)(delegate* unmanaged[Cdecl]<int, int, IntPtr, void>)&QuietHandler;
            CPLSetErrorHandler(quiet);
            // GDAL's block cache defaults to 5 % of physical memory (1.2 GB on a 24 GiB machine) and would grow with
            // the cube; blocks are read once each here, so a small cache keeps the memory budget honest. A user's
            // GDAL_CACHEMAX still wins.
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GDAL_CACHEMAX"))) GDALSetCacheMax64(CacheBytes);
            _initialised = true;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    static void QuietHandler(int errorClass, int errorNumber, IntPtr message) { }

    public IRasterReader Open(string path)
    {
        Initialise();
        bool remote = GdalPaths.IsRemote(path);
        if (!remote && !File.Exists(path)) throw new FileNotFoundException($"{path}: raster file not found", path);
        // A remote file is named by its URL in every message; GDAL sees its /vsicurl/ (…) path.
        var gdalPath = GdalPaths.ToGdal(path);
        if (!remote)
        {
            CPLErrorReset();
            var handle = GDALOpen(gdalPath, GA_ReadOnly);
            if (handle == IntPtr.Zero) throw new GdalException(path, "opening the raster");
            return new GdalReader(path, handle, null);
        }
        var retry = RemoteRetry.Current;
        var opened = retry.Run(path, gdalPath, "opening the remote raster", () =>
        {
            CPLErrorReset();
            var h = GDALOpen(gdalPath, GA_ReadOnly);
            return (h != IntPtr.Zero, h);
        });
        return new GdalReader(path, opened, gdalPath);
    }

    public IRasterWriter Create(RasterCreation c)
    {
        Initialise();
        var driver = GDALGetDriverByName("GTiff");
        if (driver == IntPtr.Zero) throw new GdalException(c.Path, "finding GDAL's GTiff driver");
        using var options = new Utf8StringList(new[]
        {
            "TILED=YES", $"BLOCKXSIZE={c.Tile}", $"BLOCKYSIZE={c.Tile}", $"COMPRESS={c.Compression}", "BIGTIFF=IF_SAFER",
            c.Type is RasterDataType.Float32 or RasterDataType.Float64 ? "PREDICTOR=3" : "PREDICTOR=2",
        });
        CPLErrorReset();
        // A COG puts its header and overviews before the image data, which a writer filling blocks in any order cannot:
        // the blocks go to a staging GeoTIFF beside it, copied into the COG layout when the writer closes.
        var written = c.Cloud ? StagingPath(c.Path) : c.Path;
        var handle = GDALCreate(driver, written, c.Grid.Width, c.Grid.Height, c.Bands, (int)c.Type, options.Pointer);
        if (handle == IntPtr.Zero) throw new GdalException(c.Path, "creating the GeoTIFF");
        var writer = new GdalWriter(written, handle, c.Cloud ? c : null);
        fixed (double* g = c.Grid.GeoTransform)
            if (GDALSetGeoTransform(handle, g) != CE_None) { writer.Dispose(); throw new GdalException(c.Path, "setting the geotransform"); }
        if (c.Grid.ProjectionWkt.Length > 0 && GDALSetProjection(handle, c.Grid.ProjectionWkt) != CE_None)
        {
            writer.Dispose();
            throw new GdalException(c.Path, "setting the projection");
        }
        if (c.NoData is { } nodata)
            for (int b = 1; b <= c.Bands; b++) GDALSetRasterNoDataValue(GDALGetRasterBand(handle, b), nodata);
        return writer;
    }

    public ICoordinateTransform Transform(string source, string target)
    {
        Initialise();
        var s = SpatialReference(source);
        var t = SpatialReference(target);
        var ct = OCTNewCoordinateTransformation(s, t);
        OSRDestroySpatialReference(s);
        OSRDestroySpatialReference(t);
        if (ct == IntPtr.Zero) throw new GdalException($"{Short(source)} → {Short(target)}", "creating a coordinate transformation");
        return new GdalTransform(ct);
    }

    static IntPtr SpatialReference(string definition)
    {
        IntPtr srs;
        if (definition.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) && int.TryParse(definition[5..], out var code))
        {
            srs = OSRNewSpatialReference(null);
            if (OSRImportFromEPSG(srs, code) != 0)
            {
                OSRDestroySpatialReference(srs);
                throw new GdalException(definition, "reading the EPSG code");
            }
        }
        else
        {
            srs = OSRNewSpatialReference(definition);
            if (srs == IntPtr.Zero) throw new GdalException(Short(definition), "reading the CRS definition");
        }
        // Longitude first, latitude second, whatever the authority says: coordinates here are (x, y).
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }

    public double? MetresPerUnit(string crs)
    {
        Initialise();
        if (crs.Length == 0) return null;
        var srs = SpatialReference(crs);
        try
        {
            return OSRIsGeographic(srs) != 0 ? null : OSRGetLinearUnits(srs, null);
        }
        finally
        {
            OSRDestroySpatialReference(srs);
        }
    }

    static string Short(string wkt) => wkt.Length > 60 ? wkt[..60] + "…" : wkt;

    public void WritePng(string path, int width, int height, ReadOnlySpan<byte> rgb)
    {
        Initialise();
        var mem = GDALGetDriverByName("MEM");
        var png = GDALGetDriverByName("PNG");
        if (mem == IntPtr.Zero || png == IntPtr.Zero) throw new GdalException(path, "finding GDAL's MEM and PNG drivers");
        var ds = GDALCreate(mem, "", width, height, 3, (int)RasterDataType.Byte, null);
        if (ds == IntPtr.Zero) throw new GdalException(path, "creating an in-memory image");
        try
        {
            fixed (byte* p = rgb)
                for (int b = 0; b < 3; b++)
                    if (GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, width, height, p + b, width, height,
                            (int)RasterDataType.Byte, 3, 3 * width) != CE_None)
                        throw new GdalException(path, "filling the in-memory image");
            var copy = GDALCreateCopy(png, path, ds, 0, null, IntPtr.Zero, IntPtr.Zero);
            if (copy == IntPtr.Zero) throw new GdalException(path, "writing the PNG");
            GDALClose(copy);
        }
        finally
        {
            GDALClose(ds);
        }
    }

    sealed class GdalReader : IRasterReader
    {
        IntPtr _handle;

        readonly string? _remote;

        /// <param name="remote">GDAL's path of a remote file (its reads are retried), null for a local one.</param>
        public GdalReader(string path, IntPtr handle, string? remote)
        {
            Path = path;
            _handle = handle;
            _remote = remote;
            var g = new double[6];
            fixed (double* p = g)
                if (GDALGetGeoTransform(handle, p) != CE_None) g = new double[] { 0, 1, 0, 0, 0, 1 };
            Grid = new RasterGrid(GDALGetRasterXSize(handle), GDALGetRasterYSize(handle), g, Utf8(GDALGetProjectionRef(handle)) ?? "");
            BandCount = GDALGetRasterCount(handle);
        }

        public string Path { get; }
        public RasterGrid Grid { get; }
        public int BandCount { get; }

        IntPtr Band(int band)
        {
            if (band < 1 || band > BandCount) throw new ArgumentOutOfRangeException(nameof(band), $"{Path} has {BandCount} band(s), not band {band}");
            return GDALGetRasterBand(_handle, band);
        }

        public RasterDataType DataType(int band) => (RasterDataType)GDALGetRasterDataType(Band(band));

        public double? NoData(int band)
        {
            int ok;
            double v = GDALGetRasterNoDataValue(Band(band), &ok);
            return ok != 0 ? v : null;
        }

        public (int Width, int Height) BlockSize(int band)
        {
            int x, y;
            GDALGetBlockSize(Band(band), &x, &y);
            return (x, y);
        }

        public string? Description(int band) => Utf8(GDALGetDescription(Band(band)));
        public string? Metadata(string key) => Utf8(GDALGetMetadataItem(_handle, key, null));


        public IReadOnlyList<string> CategoryNames(int band)
        {
            var names = new List<string>();
            var list = (IntPtr*)GDALGetRasterCategoryNames(Band(band));
            if (list == null) return names;
            for (int i = 0; list[i] != IntPtr.Zero; i++) names.Add(Utf8(list[i]) ?? "");
            return names;
        }

        public void Read(int band, int x, int y, int width, int height, Span<float> buffer) =>
            ReadAs(band, x, y, width, height, buffer, RasterDataType.Float32);

        public void Read(int band, int x, int y, int width, int height, Span<ushort> buffer) =>
            ReadAs(band, x, y, width, height, buffer, RasterDataType.UInt16);

        void ReadAs<T>(int band, int x, int y, int width, int height, Span<T> buffer, RasterDataType type) where T : unmanaged
        {
            if (buffer.Length < width * height) throw new ArgumentException("buffer too small", nameof(buffer));
            var action = $"reading band {band} window ({x}, {y}, {width} × {height})";
            var bandHandle = Band(band);
            fixed (T* p = buffer)
            {
                var target = (IntPtr)p;
                bool Read()
                {
                    CPLErrorReset();
                    return GDALRasterIO(bandHandle, GF_Read, x, y, width, height, (void*)target, width, height, (int)type, 0, 0) == CE_None;
                }
                if (_remote is null)
                {
                    if (!Read()) throw new GdalException(Path, action);
                }
                else RemoteRetry.Current.Run(Path, _remote, action, () => (Read(), 0));
            }
        }

        public void Dispose()
        {
            if (_handle != IntPtr.Zero) GDALClose(_handle);
            _handle = IntPtr.Zero;
        }
    }

    static string StagingPath(string path) => System.IO.Path.ChangeExtension(path, ".staging.tif");

    sealed class GdalWriter : IRasterWriter
    {
        readonly string _path;
        readonly RasterCreation? _cloud;
        IntPtr _handle;

        /// <param name="cloud">When the file is to be a COG: its creation, written from <paramref name="path"/> (the staging file) on close.</param>
        public GdalWriter(string path, IntPtr handle, RasterCreation? cloud)
        {
            _path = path;
            _handle = handle;
            _cloud = cloud;
        }

        IntPtr Band(int band) => GDALGetRasterBand(_handle, band);

        public void Write(int band, int x, int y, int width, int height, ReadOnlySpan<ushort> values) => WriteAs(band, x, y, width, height, values, RasterDataType.UInt16);
        public void Write(int band, int x, int y, int width, int height, ReadOnlySpan<byte> values) => WriteAs(band, x, y, width, height, values, RasterDataType.Byte);
        public void Write(int band, int x, int y, int width, int height, ReadOnlySpan<float> values) => WriteAs(band, x, y, width, height, values, RasterDataType.Float32);

        void WriteAs<T>(int band, int x, int y, int width, int height, ReadOnlySpan<T> values, RasterDataType type) where T : unmanaged
        {
            CPLErrorReset();
            fixed (T* p = values)
                if (GDALRasterIO(Band(band), GF_Write, x, y, width, height, p, width, height, (int)type, 0, 0) != CE_None)
                    throw new GdalException(_path, $"writing band {band} window ({x}, {y}, {width} × {height})");
        }

        public void SetBandDescription(int band, string description) => GDALSetDescription(Band(band), description);

        public void SetColorTable(int band, IReadOnlyList<(byte R, byte G, byte B)> colours)
        {
            var table = GDALCreateColorTable(GPI_RGB);
            try
            {
                for (int i = 0; i < colours.Count; i++)
                {
                    var entry = new ColorEntry { C1 = colours[i].R, C2 = colours[i].G, C3 = colours[i].B, C4 = 255 };
                    GDALSetColorEntry(table, i, &entry);
                }
                if (GDALSetRasterColorTable(Band(band), table) != CE_None) throw new GdalException(_path, "setting the colour table");
                GDALSetRasterColorInterpretation(Band(band), GCI_PaletteIndex);
            }
            finally
            {
                GDALDestroyColorTable(table);
            }
        }

        public void SetCategoryNames(int band, IReadOnlyList<string> names)
        {
            using var list = new Utf8StringList(names);
            if (GDALSetRasterCategoryNames(Band(band), list.Pointer) != CE_None) throw new GdalException(_path, "setting the category names");
        }

        public void SetScale(int band, double scale, double offset)
        {
            GDALSetMetadataItem(Band(band), "scale_factor", scale.ToString("R", System.Globalization.CultureInfo.InvariantCulture), null);
            SetScaleOffset(Band(band), scale, offset);
        }

        static void SetScaleOffset(IntPtr band, double scale, double offset)
        {
            GdalScale.SetRasterScale(band, scale);
            GdalScale.SetRasterOffset(band, offset);
        }

        public void SetMetadata(string key, string value) => GDALSetMetadataItem(_handle, key, value, null);

        public void BuildOverviews(string resampling, IReadOnlyList<int> factors)
        {
            if (factors.Count == 0) return;
            var levels = factors.ToArray();
            CPLErrorReset();
            fixed (int* l = levels)
                if (GDALBuildOverviews(_handle, resampling, levels.Length, l, 0, null, IntPtr.Zero, IntPtr.Zero) != CE_None)
                    throw new GdalException(_path, "building overviews");
        }

        public void Dispose()
        {
            if (_handle == IntPtr.Zero) return;
            GDALFlushCache(_handle);
            GDALClose(_handle);
            _handle = IntPtr.Zero;
            if (_cloud is { } c)
                try { CopyAsCog(_path, c); }
                finally
                {
                    foreach (var staged in new[] { _path, _path + ".aux.xml" })
                        if (File.Exists(staged)) File.Delete(staged);
                }
        }

        /// <summary>The staging GeoTIFF (with the overviews built on it) in GDAL's COG layout, its metadata and categories kept.</summary>
        static void CopyAsCog(string staging, RasterCreation c)
        {
            var driver = GDALGetDriverByName("COG");
            if (driver == IntPtr.Zero) throw new GdalException(c.Path, "finding GDAL's COG driver (GDAL ≥ 3.1)");
            // The staged map's categories are in its .aux.xml, which GDAL does not look for when remote cubes have set
            // GDAL_DISABLE_READDIR_ON_OPEN=EMPTY_DIR for the process: list the folder for this one open.
            CPLSetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "FALSE");
            IntPtr source;
            try { source = GDALOpen(staging, 0); }
            finally { CPLSetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", null); }
            if (source == IntPtr.Zero) throw new GdalException(staging, "reopening the staged map");
            try
            {
                using var options = new Utf8StringList(new[]
                {
                    $"COMPRESS={c.Compression}", $"BLOCKSIZE={c.Tile}", "BIGTIFF=IF_SAFER", "OVERVIEWS=FORCE_USE_EXISTING",
                    c.Type is RasterDataType.Float32 or RasterDataType.Float64 ? "PREDICTOR=FLOATING_POINT" : "PREDICTOR=STANDARD",
                });
                CPLErrorReset();
                var copy = GDALCreateCopy(driver, c.Path, source, 0, options.Pointer, IntPtr.Zero, IntPtr.Zero);
                if (copy == IntPtr.Zero) throw new GdalException(c.Path, "writing the Cloud-Optimized GeoTIFF");
                GDALClose(copy);
            }
            finally
            {
                GDALClose(source);
            }
        }
    }

    sealed class GdalTransform : ICoordinateTransform
    {
        IntPtr _handle;
        public GdalTransform(IntPtr handle) => _handle = handle;

        public (double X, double Y) Transform(double x, double y)
        {
            double z = 0;
            if (OCTTransform(_handle, 1, &x, &y, &z) == 0) throw new GdalException($"({x}, {y})", "reprojecting the point");
            return (x, y);
        }

        public void Dispose()
        {
            if (_handle != IntPtr.Zero) OCTDestroyCoordinateTransformation(_handle);
            _handle = IntPtr.Zero;
        }
    }

    /// <summary>A NULL-terminated array of UTF-8 strings (GDAL's char**), freed on dispose.</summary>
    sealed class Utf8StringList : IDisposable
    {
        readonly IntPtr[] _items;
        readonly GCHandle _pin;

        public Utf8StringList(IReadOnlyList<string> values)
        {
            _items = new IntPtr[values.Count + 1];
            for (int i = 0; i < values.Count; i++) _items[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
            _pin = GCHandle.Alloc(_items, GCHandleType.Pinned);
        }

        public IntPtr* Pointer => (IntPtr*)_pin.AddrOfPinnedObject();

        public void Dispose()
        {
            _pin.Free();
            foreach (var p in _items) if (p != IntPtr.Zero) Marshal.FreeCoTaskMem(p);
        }
    }
}
