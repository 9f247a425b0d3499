using System.Globalization;
using LstmFcn.Pipeline;
using LstmFcn.Pipeline.Files;

namespace LstmFcn.Plugins.Spectra.Loading;

/// <summary>
/// Labels for a folder of spectra: one line per spectrum, <c>key,label</c>, where key is the file name (with or without
/// extension) or the 0-based position in file order, separated by a comma, semicolon or tab (the shared
/// <see cref="CsvReader"/>; lines starting with # are comments). A first line whose label is not a class name is taken as a header.
/// Spectra not listed stay unlabelled (they can still be tested and appear in the confidence report).
/// </summary>
static class LabelFile
{
    public static int[] Read(string path, IReadOnlyList<string> files, ClassLabels classes)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"label file '{path}' does not exist", path);
        var labels = Enumerable.Repeat(TimeSeriesSample.Unlabelled, files.Count).ToArray();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            byName[Path.GetFileName(files[i])] = i;
            byName[Path.GetFileNameWithoutExtension(files[i])] = i;
        }
        // Comma, semicolon or tab, from the first line that is not a comment.
        var file = CsvReader.Read(path, new CsvOptions { Header = false, Comment = '#' });
        foreach (var (lineNumber, parts) in file.Rows)
        {
            if (parts.Length != 2)
                throw new SpectrumFormatException($"{path}:{lineNumber}: expected 'file-or-position,label', found '{string.Join(file.Delimiter, parts)}'");
            if (!classes.TryGetIndex(parts[1], out var label))
            {
                if (lineNumber == 1) continue; // a header such as "file,phase"
                throw new SpectrumFormatException($"{path}:{lineNumber}: label '{parts[1]}' is not one of the classes {string.Join(", ", classes.Names)}");
            }
            int index;
            if (byName.TryGetValue(parts[0], out var named)) index = named;
            else if (int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) && position >= 0 && position < files.Count) index = position;
            else throw new SpectrumFormatException($"{path}:{lineNumber}: '{parts[0]}' is neither a spectrum file nor a position 0..{files.Count - 1}");
            if (labels[index] != TimeSeriesSample.Unlabelled)
                throw new SpectrumFormatException($"{path}:{lineNumber}: spectrum '{parts[0]}' is labelled twice");
            labels[index] = label;
        }
        return labels;
    }
}
