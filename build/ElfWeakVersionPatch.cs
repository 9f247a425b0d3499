// MSBuild task (compiled by RoslynCodeTaskFactory): marks chosen symbol-version requirements of ELF shared libraries
// as weak, so the dynamic loader accepts a system library that lacks that version.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so requires GLIBCXX_3.4.32 for one symbol, _ZSt21ios_base_library_initv,
// which is a link-time marker with no relocation. Older libstdc++ (Debian 12) lacks the version, so loading fails
// although nothing is ever bound to it. Setting VER_FLG_WEAK on that Vernaux entry turns the hard error into nothing.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class ElfWeakVersionPatch : Task
{
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";
    /// <summary>Candidate system libraries; the patch is applied only when none of the existing ones defines Version.</summary>
    [Required] public ITaskItem[] SystemLibraries { get; set; } = Array.Empty<ITaskItem>();

    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    public override bool Execute()
    {
        if (Files.Length == 0) return true;
        if (SystemProvidesVersion())
        {
            Log.LogMessage(MessageImportance.Low, $"System libstdc++ provides {Version}; no patch needed.");
            return true;
        }
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            try
            {
                int patched = Patch(path);
                if (patched > 0)
                    Log.LogMessage(MessageImportance.High, $"Marked {Version} weak in {path} (system libstdc++ lacks it).");
            }
            catch (Exception e)
            {
                Log.LogError($"{path}: cannot mark {Version} weak: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    bool SystemProvidesVersion()
    {
        var needle = Encoding.ASCII.GetBytes(Version + "\0");
        foreach (var lib in SystemLibraries)
        {
            if (!File.Exists(lib.ItemSpec)) continue;
            var bytes = File.ReadAllBytes(lib.ItemSpec);
            return Contains(bytes, needle); // the first existing candidate is the one the loader uses
        }
        return false;
    }

    /// <summary>Returns how many Vernaux entries were changed (0 when already weak or absent).</summary>
    int Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only 64-bit little-endian ELF is supported");

        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        int changed = 0;
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)shoff + i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int count = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            int strtab = checked((int)BitConverter.ToUInt64(elf, checked((int)shoff + link * shentsize) + 0x18));

            int vn = offset;
            for (int n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, vn + 2);
                int aux = vn + (int)BitConverter.ToUInt32(elf, vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    int name = strtab + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (ReadCString(elf, name) == Version)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, aux + 4);
                        if ((flags & VerFlgWeak) == 0)
                        {
                            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, aux + 4);
                            changed++;
                        }
                    }
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                vn += (int)BitConverter.ToUInt32(elf, vn + 12);
            }
        }
        if (changed > 0)
        {
            // Write beside, then rename: a half-written shared library must never be left behind.
            var temp = path + ".patching";
            File.WriteAllBytes(temp, elf);
            File.Copy(temp, path, true);
            File.Delete(temp);
        }
        return changed;
    }

    // The task compiles against netstandard2.0, which has no span search.
    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack[i] != needle[0]) continue;
            int j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    static string ReadCString(byte[] data, int start)
    {
        int end = Array.IndexOf(data, (byte)0, start);
        return Encoding.ASCII.GetString(data, start, end - start);
    }
}
