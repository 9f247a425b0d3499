using System.Globalization;
using System.Text.Json;

namespace LstmFcn.Plugins.Reports;

/// <summary>
/// The report's map accuracy section, from the accuracy verb's <c>map/accuracy.json</c>: the sample's error matrix
/// (rows map class, columns reference) as a heatmap, user's and producer's accuracy with their 95 % intervals, and
/// every class's mapped area against its area-weighted estimate (Olofsson et al. 2014) with its interval.
/// </summary>
static class MapAccuracySection
{
    public const string File = "map/accuracy.json";

    /// <summary>One estimate of the file: value and 95 % interval (NaN where the file has null).</summary>
    readonly record struct Interval(double Value, double Low, double High)
    {
        public double HalfWidth => (High - Low) / 2;
        public string Text(string format) => double.IsFinite(Value)
            ? Value.ToString(format, CultureInfo.InvariantCulture) +
              (double.IsFinite(Low) ? $" [{Low.ToString(format, CultureInfo.InvariantCulture)}, {High.ToString(format, CultureInfo.InvariantCulture)}]" : "")
            : "–";
    }

    public static void Add(ReportDocument doc, string runDirectory, Action<string, byte[], string> plot)
    {
        var path = Path.Combine(runDirectory, File);
        if (!System.IO.File.Exists(path)) return;
        JsonDocument json;
        try { json = JsonDocument.Parse(System.IO.File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        using (json)
        {
            var root = json.RootElement;
            var classes = root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
            var perClass = root.GetProperty("per_class").EnumerateArray().ToList();
            int k = classes.Count;
            var unit = root.GetProperty("area_unit").GetString();
            var overall = Read(root, "overall_accuracy");

            doc.AddHeading("Map accuracy and area estimates");
            doc.AddParagraph($"{Number(root, "points_used")} validation point(s) against the class map ({Number(root, "points_on_nodata")} on nodata left out; " +
                             $"from {root.GetProperty("points").GetString()}): sample overall accuracy {F(root, "sample_overall_accuracy")}, kappa {F(root, "sample_kappa")}; " +
                             (double.IsFinite(overall.Value)
                                 ? $"area-weighted overall accuracy {overall.Text("0.000")} (95 % interval; stratified estimators of Olofsson et al. 2014, strata = map classes)."
                                 : $"no area-weighted estimates: {root.GetProperty("area_weighted_unavailable").GetString()}."));

            // Without area-weighted estimates (a mapped class with no point in its stratum) the sample's own figures are shown.
            bool weighted = double.IsFinite(overall.Value);
            string whose = weighted ? "area-weighted, 95 % intervals" : "of the sample, unweighted: no area-weighted estimates";
            var users = perClass.Select(c => weighted ? Read(c, "users_accuracy") : Point(c, "sample_users_accuracy")).ToArray();
            var producers = perClass.Select(c => weighted ? Read(c, "producers_accuracy") : Point(c, "sample_producers_accuracy")).ToArray();
            var areas = perClass.Select(c => Read(c, "area")).ToArray();
            var mapped = perClass.Select(c => c.GetProperty("mapped_area").GetDouble()).ToArray();
            doc.AddTable(new[] { "class", "points", weighted ? "user's (95 %)" : "user's (sample)", weighted ? "producer's (95 %)" : "producer's (sample)", $"mapped {unit}", $"estimated {unit} (95 %)" },
                Enumerable.Range(0, k).Select(c => (IReadOnlyList<string>)new[]
                {
                    classes[c], perClass[c].GetProperty("sample_points").GetInt64().ToString(CultureInfo.InvariantCulture),
                    users[c].Text("0.000"), producers[c].Text("0.000"), mapped[c].ToString("0.#", CultureInfo.InvariantCulture), areas[c].Text("0.#"),
                }).ToList(), "Per map class (accuracy.json, accuracy.csv)");

            var matrix = new long[k, k];
            var rows = root.GetProperty("sample_matrix").EnumerateArray().ToList();
            for (int i = 0; i < k; i++)
            {
                var cells = rows[i].EnumerateArray().ToList();
                for (int j = 0; j < k; j++) matrix[i, j] = cells[j].GetInt64();
            }
            plot("accuracy-error-matrix", RunCharts.CountHeatmap("Validation sample: map class vs reference (colour: share of the map class)", matrix,
                    classes, classes.Select((n, i) => $"{n} (UA {users[i].Text("0.00").Split(' ')[0]})").ToArray(), "reference class", "map class"),
                "Error matrix of the validation sample: rows are map classes (the strata), columns the reference labels; numbers are points.");
            plot("accuracy-users-producers", RunCharts.GroupedBars($"User's and producer's accuracy ({whose})", "accuracy", classes, new[]
                {
                    ("user's", users.Select(u => u.Value).ToArray(), users.Select(u => u.HalfWidth).ToArray()),
                    ("producer's", producers.Select(p => p.Value).ToArray(), producers.Select(p => p.HalfWidth).ToArray()),
                }, yMax: 1.15),
                "User's accuracy (1 − commission) and producer's accuracy (1 − omission) per class; bars show the 95 % intervals.");
            var areaSeries = new List<(string, double[], double[])> { ("mapped", mapped, mapped.Select(_ => double.NaN).ToArray()) };
            if (weighted) areaSeries.Add(("estimated", areas.Select(a => a.Value).ToArray(), areas.Select(a => a.HalfWidth).ToArray()));
            plot("accuracy-areas", RunCharts.GroupedBars(weighted ? $"Mapped vs estimated area ({unit})" : $"Mapped area ({unit}; no estimates)", unit ?? "area", classes, areaSeries),
                "Area of every class as mapped (pixel counts) and as estimated from the validation sample, with its 95 % interval.");
        }
    }

    static Interval Read(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Object) return new(double.NaN, double.NaN, double.NaN);
        var ci = e.GetProperty("ci95");
        return new(D(e.GetProperty("estimate")), D(ci[0]), D(ci[1]));
    }

    /// <summary>A figure without an interval (the sample's own).</summary>
    static Interval Point(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var e) ? new(D(e), double.NaN, double.NaN) : new(double.NaN, double.NaN, double.NaN);

    static double D(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;
    static string F(JsonElement owner, string name) => owner.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number
        ? e.GetDouble().ToString("0.000", CultureInfo.InvariantCulture) : "–";
    static string Number(JsonElement owner, string name) => owner.GetProperty(name).GetInt64().ToString(CultureInfo.InvariantCulture);
}
