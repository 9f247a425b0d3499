namespace LstmFcn.Pipeline;

public enum PluginKind { Loader, Preprocessor, Model, Reporter, Map }
