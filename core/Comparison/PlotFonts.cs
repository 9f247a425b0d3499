using ScottPlot;
using SkiaSharp;

namespace LstmFcn.Pipeline.Comparison;

/// <summary>
/// (Compiled into the comparison library and the Reports plugin alike; each embeds the font.)
/// Makes ScottPlot draw every text with the DejaVu Sans embedded in this assembly: SkiaSharp's NoDependencies build
/// finds no fonts on a machine without /usr/share/fonts, and text would silently vanish.
/// </summary>
static class PlotFonts
{
    public const string Family = "DejaVu Sans";
    static readonly Lazy<SKTypeface> Face = new(Load);
    static readonly object Gate = new();
    static bool _registered;

    public static void Use()
    {
        lock (Gate)
        {
            if (_registered) return;
            Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
            Fonts.Default = Family;
            _registered = true;
        }
    }

    static SKTypeface Load()
    {
        using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream("DejaVuSans.ttf")
                           ?? throw new InvalidOperationException($"the embedded font DejaVuSans.ttf is missing from {typeof(PlotFonts).Assembly.GetName().Name}");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("the embedded DejaVuSans.ttf could not be read");
    }

    /// <summary>One face for every family, weight and slant: plots need legible text, not typography.</summary>
    sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Face.Value;
        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => Face.Value;
    }
}
