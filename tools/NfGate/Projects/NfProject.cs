// Reads and rewrites a classic nanoFramework project (.nfproj): its <Compile Include> items
// (paths with backslashes, relative to the project; optional <Link>), its <Reference> items,
// AssemblyName/DefineConstants, and the packages.config beside it. --sync rewrites only the
// text between the `<!-- BEGIN generated compile list -->` / `<!-- END ... -->` markers,
// keeping every other byte of the file. Depends on System.Xml.Linq only.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Endpoint.Tools.NfGate.Listing;

namespace Endpoint.Tools.NfGate.Projects
{
    /// <summary>A `<Compile Include>` item.</summary>
    public sealed class CompileItem
    {
        /// <summary>Include as written (backslashes).</summary>
        public string Include { get; init; }

        public string Link { get; init; }

        public int Line { get; init; }

        /// <summary>Repository-relative path (forward slashes) the item points to.</summary>
        public string RepoPath { get; init; }
    }

    /// <summary>A `<Reference Include>` item.</summary>
    public sealed class ReferenceItem
    {
        /// <summary>Assembly name (part before any comma).</summary>
        public string Name { get; init; }

        public string HintPath { get; init; }

        public int Line { get; init; }
    }

    /// <summary>A packages.config entry.</summary>
    public sealed class PackageEntry
    {
        public string Id { get; init; }

        public string Version { get; init; }

        public int Line { get; init; }
    }

    /// <summary>One .nfproj with its packages.config.</summary>
    public sealed class NfProject
    {
        public const string BeginMarker = "<!-- BEGIN generated compile list -->";
        public const string EndMarker = "<!-- END generated compile list -->";

        public string RepoRoot { get; private set; }

        /// <summary>Repository-relative path, e.g. tests/NFUnitTest/NFUnitTest.nfproj.</summary>
        public string RelativePath { get; private set; }

        public string FullPath => Path.Combine(RepoRoot, RelativePath);

        /// <summary>Repository-relative folder of the project ("" for the root).</summary>
        public string RelativeDir { get; private set; }

        public string AssemblyName { get; private set; }

        public string OutputType { get; private set; }

        /// <summary>Symbols of DefineConstants (no DEBUG: the gate checks Release).</summary>
        public List<string> DefineConstants { get; } = new List<string>();

        public List<CompileItem> CompileItems { get; } = new List<CompileItem>();

        public List<ReferenceItem> References { get; } = new List<ReferenceItem>();

        public List<PackageEntry> Packages { get; } = new List<PackageEntry>();

        public string PackagesConfigRelativePath { get; private set; }

        /// <summary>Set when the project file is not well-formed XML (MSBuild cannot load it).</summary>
        public string XmlError { get; private set; }

        public int XmlErrorLine { get; private set; }

        public bool PackagesConfigExists { get; private set; }

        /// <summary>Loads the project at a repository-relative path.</summary>
        public static NfProject Load(string repoRoot, string relativePath)
        {
            var p = new NfProject { RepoRoot = repoRoot, RelativePath = relativePath.Replace('\\', '/') };
            string dir = Path.GetDirectoryName(p.RelativePath) ?? "";
            p.RelativeDir = dir.Replace('\\', '/');
            if (!File.Exists(p.FullPath)) throw new GateSetupException("project not found: " + p.FullPath);
            XDocument doc;
            try
            {
                doc = XDocument.Load(p.FullPath, LoadOptions.SetLineInfo);
            }
            catch (XmlException e)
            {
                // MSBuild refuses such a file: report it, but still read the items (comments are
                // the usual culprit, e.g. "--" inside <!-- -->), keeping line numbers.
                p.XmlError = e.Message;
                p.XmlErrorLine = e.LineNumber;
                string text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(p.FullPath), "<!--.*?-->",
                    m => new string('\n', m.Value.Count(c => c == '\n')), System.Text.RegularExpressions.RegexOptions.Singleline);
                try
                {
                    doc = XDocument.Parse(text, LoadOptions.SetLineInfo);
                }
                catch (XmlException e2)
                {
                    throw new GateSetupException(p.RelativePath + ": not valid XML: " + e2.Message);
                }
            }
            foreach (XElement e in doc.Descendants().Where(x => x.Name.LocalName == "Compile"))
            {
                string include = (string)e.Attribute("Include");
                if (include == null) continue;
                string link = e.Elements().FirstOrDefault(x => x.Name.LocalName == "Link")?.Value;
                p.CompileItems.Add(new CompileItem
                {
                    Include = include,
                    Link = link,
                    Line = ((IXmlLineInfo)e).LineNumber,
                    RepoPath = Combine(p.RelativeDir, include),
                });
            }
            foreach (XElement e in doc.Descendants().Where(x => x.Name.LocalName == "Reference"))
            {
                string include = (string)e.Attribute("Include");
                if (include == null) continue;
                p.References.Add(new ReferenceItem
                {
                    Name = include.Split(',')[0].Trim(),
                    HintPath = e.Elements().FirstOrDefault(x => x.Name.LocalName == "HintPath")?.Value,
                    Line = ((IXmlLineInfo)e).LineNumber,
                });
            }
            p.AssemblyName = doc.Descendants().FirstOrDefault(x => x.Name.LocalName == "AssemblyName")?.Value
                ?? Path.GetFileNameWithoutExtension(p.RelativePath);
            p.OutputType = doc.Descendants().FirstOrDefault(x => x.Name.LocalName == "OutputType")?.Value ?? "Library";
            foreach (XElement e in doc.Descendants().Where(x => x.Name.LocalName == "DefineConstants"))
            {
                string cond = (string)e.Parent?.Attribute("Condition") ?? "";
                if (cond.Contains("Debug", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (string s in e.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    string sym = s.Trim();
                    if (sym.StartsWith("$(", StringComparison.Ordinal) || sym == "DEBUG") continue;
                    if (!p.DefineConstants.Contains(sym)) p.DefineConstants.Add(sym);
                }
            }
            p.PackagesConfigRelativePath = Combine(p.RelativeDir, "packages.config");
            string pc = Path.Combine(repoRoot, p.PackagesConfigRelativePath);
            p.PackagesConfigExists = File.Exists(pc);
            if (p.PackagesConfigExists)
            {
                XDocument pdoc;
                try
                {
                    pdoc = XDocument.Load(pc, LoadOptions.SetLineInfo);
                }
                catch (XmlException e)
                {
                    throw new GateSetupException(p.PackagesConfigRelativePath + ": not valid XML: " + e.Message);
                }
                foreach (XElement e in pdoc.Descendants().Where(x => x.Name.LocalName == "package"))
                {
                    p.Packages.Add(new PackageEntry
                    {
                        Id = (string)e.Attribute("id"),
                        Version = (string)e.Attribute("version"),
                        Line = ((IXmlLineInfo)e).LineNumber,
                    });
                }
            }
            return p;
        }

        /// <summary>Joins a repo-relative folder and a project-relative include (backslashes),
        /// normalising "..", giving a repo-relative path with forward slashes.</summary>
        public static string Combine(string relativeDir, string include)
        {
            var parts = new List<string>();
            foreach (string s in (relativeDir + "/" + include.Replace('\\', '/')).Split('/'))
            {
                if (s.Length == 0 || s == ".") continue;
                if (s == "..")
                {
                    if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                    else parts.Add("..");
                    continue;
                }
                parts.Add(s);
            }
            return string.Join("/", parts);
        }

        /// <summary>Line of the BEGIN marker (1-based), or 1 when absent.</summary>
        public int MarkerLine()
        {
            string[] lines = File.ReadAllLines(FullPath);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(BeginMarker, StringComparison.Ordinal)) return i + 1;
            }
            return 1;
        }

        /// <summary>Replaces the text between the markers with the given item lines (already
        /// XML, one per entry). Returns true when the file changed.</summary>
        public bool RewriteGeneratedBlock(IEnumerable<string> itemLines)
        {
            string text = File.ReadAllText(FullPath);
            int begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
            int end = text.IndexOf(EndMarker, StringComparison.Ordinal);
            if (begin < 0 || end < begin)
            {
                throw new GateSetupException(RelativePath + ": generated compile list markers not found (" + BeginMarker + ")");
            }
            string newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            int lineStart = text.LastIndexOf('\n', begin) + 1;
            string indent = text.Substring(lineStart, begin - lineStart);
            int endLineStart = text.LastIndexOf('\n', end) + 1;
            var sb = new StringBuilder();
            sb.Append(text, 0, begin + BeginMarker.Length).Append(newline);
            foreach (string item in itemLines) sb.Append(indent).Append(item).Append(newline);
            sb.Append(text, endLineStart, text.Length - endLineStart);
            string updated = sb.ToString();
            if (updated == text) return false;
            File.WriteAllText(FullPath, updated);
            return true;
        }

        /// <summary>Compile items written outside the generated block (kept by --sync).</summary>
        public HashSet<string> ItemsOutsideBlock()
        {
            string[] lines = File.ReadAllLines(FullPath);
            int begin = Array.FindIndex(lines, l => l.Contains(BeginMarker, StringComparison.Ordinal));
            int end = Array.FindIndex(lines, l => l.Contains(EndMarker, StringComparison.Ordinal));
            var outside = new HashSet<string>(StringComparer.Ordinal);
            foreach (CompileItem item in CompileItems)
            {
                int idx = item.Line - 1;
                if (begin < 0 || idx < begin || idx > end) outside.Add(item.RepoPath);
            }
            return outside;
        }
    }
}
