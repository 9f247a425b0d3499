// The engine's folders every spec may name types from.
global using LstmFcn.Pipeline.Engine.Evaluation;
global using LstmFcn.Pipeline.Engine.Models;
global using LstmFcn.Pipeline.Engine.Outputs;
