using System.Globalization;

namespace LstmFcn.Plugins.Raster.Cube;

/// <summary>
/// How band and date are read from a file name, as sits' <c>parse_info</c>: the name (without extension) is split
/// by a delimiter into fields named by <see cref="Fields"/>; the fields called <c>band</c> and <c>date</c> matter,
/// the others (<c>satellite</c>, <c>sensor</c>, <c>tile</c>, <c>X1</c>…) are kept as information. A pattern without
/// <c>band</c> names multi-band files: one file per date holding every band, as many providers deliver them.
/// </summary>
public sealed class CubeFileName
{
    public CubeFileName(IReadOnlyList<string> fields, string delimiter, string dateFormat)
    {
        if (!fields.Contains("date"))
            throw new ArgumentException($"the file-name pattern [{string.Join(", ", fields)}] must name a 'date' field (and a 'band' field unless each file holds every band)");
        Fields = fields;
        Delimiter = delimiter;
        DateFormat = dateFormat;
    }

    public IReadOnlyList<string> Fields { get; }
    public string Delimiter { get; }
    public string DateFormat { get; }
    /// <summary>False for multi-band files: the band comes from the file's band, not its name.</summary>
    public bool HasBand => Fields.Contains("band");

    public string Pattern => string.Join(Delimiter, Fields.Select(f => "{" + f + "}"));

    /// <summary>Band ("" without a band field) and date of a file, or the reason the name does not fit the pattern.</summary>
    public bool TryParse(string path, out string band, out DateOnly date, out string problem)
    {
        band = "";
        date = default;
        var stem = Path.GetFileNameWithoutExtension(path);
        var parts = stem.Split(Delimiter);
        if (parts.Length != Fields.Count)
        {
            problem = $"'{stem}' has {parts.Length} '{Delimiter}'-separated field(s); the pattern {Pattern} has {Fields.Count}";
            return false;
        }
        band = HasBand ? parts[IndexOf("band")] : "";
        var dateText = parts[IndexOf("date")];
        if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = $"'{dateText}' in '{stem}' is not a date in the format {DateFormat}";
            return false;
        }
        problem = "";
        return true;
    }

    int IndexOf(string field)
    {
        for (int i = 0; i < Fields.Count; i++) if (Fields[i] == field) return i;
        return -1;
    }
}
