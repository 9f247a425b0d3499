namespace LstmFcn.Pipeline;

/// <summary>The name a choice (an enum member) has in pipelines, when the snake_case of the member's name is not it.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ChoiceAttribute : Attribute
{
    public ChoiceAttribute(string name) => Name = name;
    public string Name { get; }
}
