namespace LstmFcn.Plugins.Forest;

/// <summary>What every tree model's readable metadata holds: format and version, classes, feature layout, trees file.</summary>
public interface IModelMetadata
{
    string Format { get; }
    int Version { get; }
    List<string> Classes { get; }
    int Channels { get; }
    int Length { get; }
    List<string> ChannelNames { get; }
    List<string> TimeNames { get; }
    string TreesFile { get; }
}
