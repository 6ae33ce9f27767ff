// The file-list rule: Endpoint.nfproj lists exactly the device files (every *.cs under
// firmware/, hal/, boards/ except folders named Simulation or Virtual, and bin/obj);
// tests/NFUnitTest/NFUnitTest.nfproj lists the device files outside folders named Esp32 (as
// links `..\..\firmware\X.cs` + `<Link>firmware\X.cs</Link>`) plus its own **/*.cs. Reports
// listed-but-missing, unlisted, and listed-but-not-device files; --sync rewrites the generated
// block. Depends on NfProject and the file system only.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Expected compile lists and their check/sync.</summary>
    public static class FileListCheck
    {
        public const string EndpointProject = "Endpoint.nfproj";
        public const string UnitTestProject = "tests/NFUnitTest/NFUnitTest.nfproj";

        private static readonly string[] DeviceRoots = { "firmware", "hal", "boards" };
        private static readonly string[] HostOnlyFolders = { "Simulation", "Virtual" };
        private static readonly string[] BuildFolders = { "bin", "obj" };

        /// <summary>Repo-relative paths (forward slashes) of all device files, sorted.</summary>
        public static List<string> DeviceFiles(string repoRoot)
        {
            var files = new List<string>();
            foreach (string root in DeviceRoots)
            {
                string dir = Path.Combine(repoRoot, root);
                if (!Directory.Exists(dir)) continue;
                foreach (string f in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
                {
                    string rel = Path.GetRelativePath(repoRoot, f).Replace('\\', '/');
                    if (HasSegment(rel, HostOnlyFolders) || HasSegment(rel, BuildFolders)) continue;
                    files.Add(rel);
                }
            }
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>True if a folder segment (not the file name) of the path is one of the names.</summary>
        public static bool HasSegment(string relPath, params string[] names)
        {
            string[] parts = relPath.Split('/');
            for (int i = 0; i < parts.Length - 1; i++)
            {
                if (names.Contains(parts[i])) return true;
            }
            return false;
        }

        /// <summary>One expected compile item: the repo path and the XML line that lists it.</summary>
        public sealed class Expected
        {
            public string RepoPath { get; init; }

            public string Include { get; init; }

            public string Link { get; init; }

            public string Xml => Link == null
                ? "<Compile Include=\"" + SecurityElement.Escape(Include) + "\" />"
                : "<Compile Include=\"" + SecurityElement.Escape(Include) + "\"><Link>" + SecurityElement.Escape(Link) + "</Link></Compile>";
        }

        /// <summary>What a project must list, sorted by Include.</summary>
        public static List<Expected> ExpectedItems(string repoRoot, string projectRelativePath)
        {
            var items = new List<Expected>();
            List<string> device = DeviceFiles(repoRoot);
            if (projectRelativePath == EndpointProject)
            {
                foreach (string f in device) items.Add(new Expected { RepoPath = f, Include = f.Replace('/', '\\') });
            }
            else
            {
                string projDir = Path.GetDirectoryName(projectRelativePath).Replace('\\', '/');
                string up = string.Concat(projDir.Split('/').Select(_ => "..\\"));
                foreach (string f in device)
                {
                    if (HasSegment(f, "Esp32")) continue;
                    items.Add(new Expected { RepoPath = f, Include = up + f.Replace('/', '\\'), Link = f.Replace('/', '\\') });
                }
                string testDir = Path.Combine(repoRoot, projDir);
                if (Directory.Exists(testDir))
                {
                    foreach (string f in Directory.EnumerateFiles(testDir, "*.cs", SearchOption.AllDirectories))
                    {
                        string rel = Path.GetRelativePath(repoRoot, f).Replace('\\', '/');
                        string inner = Path.GetRelativePath(testDir, f).Replace('\\', '/');
                        if (HasSegment(inner, BuildFolders)) continue;
                        items.Add(new Expected { RepoPath = rel, Include = inner.Replace('/', '\\') });
                    }
                }
            }
            items.Sort((a, b) => string.CompareOrdinal(a.Include, b.Include));
            return items;
        }

        /// <summary>Rewrites the project's generated block; true if the file changed.</summary>
        public static bool Sync(Projects.NfProject project)
        {
            HashSet<string> outside = project.ItemsOutsideBlock();
            List<Expected> expected = ExpectedItems(project.RepoRoot, project.RelativePath);
            return project.RewriteGeneratedBlock(expected.Where(e => !outside.Contains(e.RepoPath)).Select(e => e.Xml));
        }

        /// <summary>Compares the project's items with the expected list.</summary>
        public static IEnumerable<Violation> Check(Projects.NfProject project)
        {
            List<Expected> expected = ExpectedItems(project.RepoRoot, project.RelativePath);
            var expectedByPath = expected.ToDictionary(e => e.RepoPath, StringComparer.Ordinal);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            if (project.XmlError != null)
            {
                yield return V(Codes.ProjectXml, project.RelativePath, Math.Max(1, project.XmlErrorLine), project.RelativePath,
                    "not well-formed XML, MSBuild cannot load it: " + project.XmlError);
            }
            foreach (Projects.CompileItem item in project.CompileItems)
            {
                listed.Add(item.RepoPath);
                bool exists = File.Exists(Path.Combine(project.RepoRoot, item.RepoPath));
                if (!exists)
                {
                    yield return V(Codes.FileMissing, project.RelativePath, item.Line, item.Include,
                        "listed in " + project.RelativePath + " but " + item.RepoPath + " does not exist (run --sync)");
                    continue;
                }
                if (!expectedByPath.TryGetValue(item.RepoPath, out Expected e))
                {
                    yield return V(Codes.FileNotDevice, project.RelativePath, item.Line, item.Include,
                        item.RepoPath + " is not a device file for this project (host-only or outside the device folders)");
                    continue;
                }
                if (e.Link != null && !string.Equals(e.Link, item.Link, StringComparison.Ordinal))
                {
                    yield return V(Codes.FileLink, project.RelativePath, item.Line, item.Include,
                        "expected <Link>" + e.Link + "</Link>, found " + (item.Link == null ? "none" : "<Link>" + item.Link + "</Link>"));
                }
            }
            foreach (Expected e in expected)
            {
                if (!listed.Contains(e.RepoPath))
                {
                    yield return V(Codes.FileUnlisted, e.RepoPath, 1, e.Include,
                        "device file not listed in " + project.RelativePath + " (run --sync)");
                }
            }
        }

        private static Violation V((string Code, string Kind) c, string file, int line, string symbol, string message) =>
            new Violation { File = file, Line = line, Column = 1, Code = c.Code, Kind = c.Kind, Symbol = symbol, Message = message };
    }
}
