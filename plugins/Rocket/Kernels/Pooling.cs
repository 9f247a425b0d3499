using LstmFcn.Pipeline;

namespace LstmFcn.Rocket;

/// <summary>What a (kernel, dilation, bias) contributes: PPV only (MiniRocket) or PPV, MPV, MIPV and LSPV (MultiRocket).</summary>
public enum Pooling { Ppv = 0, Four = 1 }
