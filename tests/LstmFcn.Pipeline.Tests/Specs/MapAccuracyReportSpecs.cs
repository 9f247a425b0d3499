using System.Globalization;
using System.Text.Json;
using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>
/// The run report of a run whose map stage ends with <c>accuracy</c>: a map accuracy section with the validation
/// sample's error matrix, user's/producer's accuracy with their 95 % intervals and mapped vs estimated areas, its
/// figures those of accuracy.json. A run without accuracy.json has no such section.
/// </summary>
public sealed class MapAccuracyReportSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    static string F(JsonElement e, string format) => e.GetDouble().ToString(format, CultureInfo.InvariantCulture);

    [Fact]
    public void A_report_shows_the_accuracy_verbs_matrix_intervals_and_areas()
    {
        var map = $"map: [{{plugin: cube-classify, with: {{cube: {SinopPoints.Cube}, pattern: \"{SinopPoints.Pattern}\", scale: 0.0001}}}}, cube-label, " +
                  $"{{plugin: accuracy, with: {{points: {SinopPoints.Points}}}}}]\nreport: [metrics, report]";
        var run = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"], extra: map)).RunDirectory;

        var accuracy = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "map", "accuracy.json"))).RootElement;
        var html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("<h2>Map accuracy and area estimates</h2>", html);
        Assert.Contains($"area-weighted overall accuracy {F(accuracy.GetProperty("overall_accuracy").GetProperty("estimate"), "0.000")}", html);
        foreach (var c in accuracy.GetProperty("per_class").EnumerateArray())
        {
            var users = c.GetProperty("users_accuracy");
            var ci = users.GetProperty("ci95");
            var cell = ci[0].ValueKind == JsonValueKind.Number
                ? $"{F(users.GetProperty("estimate"), "0.000")} [{F(ci[0], "0.000")}, {F(ci[1], "0.000")}]"
                : F(users.GetProperty("estimate"), "0.000");
            Assert.Contains($"<td>{c.GetProperty("class").GetString()}</td><td>{c.GetProperty("sample_points").GetInt64()}</td><td>{cell}</td>", html);
        }
        foreach (var plot in new[] { "accuracy-error-matrix", "accuracy-users-producers", "accuracy-areas" })
        {
            var png = Path.Combine(run, "report", plot + ".png");
            Assert.True(File.Exists(png) && new FileInfo(png).Length > 2000, $"{png} missing or empty");
        }
        Assert.Contains("(report/accuracy-areas.png)", File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Fact]
    public void A_run_without_an_accuracy_assessment_has_no_accuracy_section()
    {
        var map = $"map: [{{plugin: cube-classify, with: {{cube: {SinopPoints.Cube}, pattern: \"{SinopPoints.Pattern}\", scale: 0.0001}}}}, cube-label]\nreport: [report]";
        var run = PipelineFiles.Run(SinopPoints.Pipeline(_temp, _temp["runs"], extra: map)).RunDirectory;

        Assert.DoesNotContain("Map accuracy", File.ReadAllText(Path.Combine(run, "report.html")));
        Assert.False(File.Exists(Path.Combine(run, "report", "accuracy-areas.png")));
    }
}
