using LstmFcn.Pipeline.Tests.Support;

namespace LstmFcn.Pipeline.Tests.Specs;

/// <summary>An attention network mapping a cube: prediction writes no file; the attention reporter writes one.</summary>
[Collection(LibTorchCollection.Name)] // trains ALSTM-FCN in this process
public sealed class AttentionMapSpecs : IDisposable
{
    readonly TempFolder _temp = new();
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_attention_network_mapping_with_four_workers_writes_no_attention_file_the_reporter_writes_one()
    {
        var points = SinopPoints.Points;
        var run = PipelineFiles.Run(_temp.Write("alstm.yaml", $"""
            name: sinop-alstm
            seed: 42
            threads: 4
            loader:
              plugin: cube-points
              with:
                cube: {SinopPoints.Cube}
                pattern: "{"{satellite}_{tile}_{band}_{date}"}"
                scale: 0.0001
                points: {points}
                test_points: {points}
            preprocess: [znorm]
            model: {"{plugin: alstm-fcn, with: {epochs: 3, filters: [8, 8, 8], cells: 4}}"}
            map: [{"{"}plugin: cube-classify, with: {"{"}cube: {SinopPoints.Cube}, pattern: "{"{satellite}_{tile}_{band}_{date}"}", scale: 0.0001, block: 16, workers: 4{"}}"}, cube-label]
            report: [attention]
            output: {_temp["runs"]}
            """)).RunDirectory;

        var attentionFiles = Directory.GetFiles(run, "attention*", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(run, "attention.csv")], attentionFiles);
        var rows = File.ReadAllLines(Path.Combine(run, "attention.csv"));
        Assert.Equal(12 + 1, rows.Length);                       // the 12 test points and a header
        Assert.DoesNotContain(rows.Skip(1), r => r.StartsWith(","));  // every row names its series
        Assert.Empty(Directory.GetFiles(run, "*.partial*", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(run, "map", "classes.tif")));
    }
}
