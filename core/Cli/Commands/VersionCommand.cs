namespace LstmFcn.Pipeline.Cli.Commands;

static class VersionCommand
{
    public static int Execute()
    {
        Console.WriteLine($"lstmfcn {typeof(VersionCommand).Assembly.GetName().Version}");
        return 0;
    }
}
