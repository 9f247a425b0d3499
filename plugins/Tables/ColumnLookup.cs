namespace LstmFcn.Plugins.Tables;

/// <summary>Finds the columns a layout needs, with errors that list what the table has.</summary>
static class ColumnLookup
{
    public static int Require(SampleTable table, string name, string role, string parameter)
    {
        int i = table.IndexOf(name);
        if (i >= 0) return i;
        var near = table.Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var hint = near is not null ? $"did you mean '{near.Name}'? (names are case-sensitive)" : $"set {parameter}";
        throw new TableFormatException(table.HeaderLocation(),
            $"no {role} column '{name}'; {hint}. The columns are: {table.ColumnList()}");
    }

    /// <summary>The named column, or (name unset) the first of the conventional names present; -1 when none is.</summary>
    public static int Find(SampleTable table, string? name, IEnumerable<string> candidates, string role, string parameter)
    {
        if (name is not null) return Require(table, name, role, parameter);
        foreach (var c in candidates)
            if (table.IndexOf(c) is var i and >= 0) return i;
        return -1;
    }
}
