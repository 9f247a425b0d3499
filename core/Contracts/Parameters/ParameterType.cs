using System.Globalization;

namespace LstmFcn.Pipeline;

public enum ParameterType { Integer, Number, Boolean, String, Path, IntegerList, NumberList, StringList }
