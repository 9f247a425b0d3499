using System.Reflection;
using System.Reflection.Emit;

namespace LstmFcn.Pipeline.Tests.Support;

/// <summary>
/// Plugin assemblies written at test time (System.Reflection.Emit, saved to disk in the <c>Name/Name.dll</c> layout the
/// catalog finds), for the specs of what happens when plugin code misbehaves or must not run at all. Each assembly
/// holds one preprocessor plugin type; it is a real plugin to the catalog, loaded in its own load context.
/// </summary>
public static class HostilePlugins
{
    /// <summary>
    /// A preprocessor named <paramref name="name"/> whose constructor appends a line to <paramref name="markerFile"/>:
    /// the file exists exactly when the plugin's code ran.
    /// </summary>
    public static string Marking(string folder, string assemblyName, string name, string markerFile) =>
        Write(folder, assemblyName, name, il =>
        {
            il.Emit(OpCodes.Ldstr, markerFile);
            il.Emit(OpCodes.Ldstr, "constructed\n");
            il.Emit(OpCodes.Call, typeof(File).GetMethod(nameof(File.AppendAllText), new[] { typeof(string), typeof(string) })!);
        });

    /// <summary>A preprocessor whose constructor throws <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    public static string Throwing(string folder, string assemblyName, string message) =>
        Write(folder, assemblyName, "never-constructed", il =>
        {
            il.Emit(OpCodes.Ldstr, message);
            il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor(new[] { typeof(string) })!);
            il.Emit(OpCodes.Throw);
        });

    /// <summary>Writes <c>folder/assemblyName/assemblyName.dll</c> and returns its path.</summary>
    static string Write(string folder, string assemblyName, string pluginName, Action<ILGenerator> constructorBody)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(assemblyName);
        var type = module.DefineType($"{assemblyName}.Plugin", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
            typeof(object), new[] { typeof(IPreprocessorPlugin) });

        var ctor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, Type.EmptyTypes);
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
        constructorBody(il);
        il.Emit(OpCodes.Ret);

        var interfaces = new[] { typeof(IPreprocessorPlugin), typeof(IPlugin) };
        foreach (var method in interfaces.SelectMany(i => i.GetMethods()).Where(m => m.IsAbstract))
        {
            var impl = type.DefineMethod($"{method.DeclaringType!.Name}.{method.Name}",
                MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
                method.ReturnType, method.GetParameters().Select(p => p.ParameterType).ToArray());
            var body = impl.GetILGenerator();
            switch (method.Name)
            {
                case "get_Name":
                    body.Emit(OpCodes.Ldstr, pluginName);
                    break;
                case "get_Description":
                    body.Emit(OpCodes.Ldstr, "a plugin written by a spec");
                    break;
                case "get_Parameters":
                    body.Emit(OpCodes.Call, typeof(Array).GetMethod(nameof(Array.Empty))!.MakeGenericMethod(typeof(ParameterSpec)));
                    break;
                default:
                    body.Emit(OpCodes.Newobj, typeof(NotSupportedException).GetConstructor(Type.EmptyTypes)!);
                    body.Emit(OpCodes.Throw);
                    break;
            }
            if (method.Name.StartsWith("get_", StringComparison.Ordinal)) body.Emit(OpCodes.Ret);
            type.DefineMethodOverride(impl, method);
        }
        type.CreateType();

        var dir = Path.Combine(folder, assemblyName);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, assemblyName + ".dll");
        assembly.Save(path);
        return path;
    }
}
