namespace LstmFcn.Plugins.Forest;

/// <summary>How class weights are set; the member names in snake_case are the pipeline's choices.</summary>
public enum ClassWeighting { None, Balanced, BalancedSubsample }
