using System.Globalization;
using System.Security;
using System.Text;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Raster.Maps;

/// <summary>
/// A QGIS layer style (<c>.qml</c>) for a class map: a paletted renderer naming every class with its colour. QGIS loads
/// a .qml beside a raster of the same name by itself, so the legend needs nothing of this product.
/// </summary>
public static class QgisStyle
{
    /// <param name="firstCode">The pixel value of the first class (0 for our class maps, 1 for sits').</param>
    public static void Write(string path, IReadOnlyList<string> classes, IReadOnlyList<(byte R, byte G, byte B)> colours, int firstCode)
    {
        var text = new StringBuilder();
        text.AppendLine("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
        text.AppendLine("<qgis version=\"3.28\" styleCategories=\"AllStyleCategories\">");
        text.AppendLine("  <pipe>");
        text.AppendLine("    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"1\" alphaBand=\"-1\" nodataColor=\"\">");
        text.AppendLine("      <colorPalette>");
        for (int c = 0; c < classes.Count; c++)
        {
            var (r, g, b) = colours[c];
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"        <paletteEntry value=\"{c + firstCode}\" color=\"#{r:x2}{g:x2}{b:x2}\" alpha=\"255\" label=\"{SecurityElement.Escape(classes[c])}\"/>"));
        }
        text.AppendLine("      </colorPalette>");
        text.AppendLine("    </rasterrenderer>");
        text.AppendLine("  </pipe>");
        text.AppendLine("</qgis>");
        AtomicFile.WriteText(path, text.ToString());
    }
}
