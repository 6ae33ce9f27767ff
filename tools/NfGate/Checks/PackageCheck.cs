// The package rule: every listing package whose symbols the device code uses (CoreLibrary
// always), together with its nuspec dependencies (what NuGet would install), needs a
// <Reference> in the .nfproj and an entry in the packages.config beside it, at the version
// INDEX.tsv gives (nbgv_version_at_commit); HintPaths must point at that version too.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Endpoint.Tools.NfGate.Listing;
using Endpoint.Tools.NfGate.Projects;
using Endpoint.Tools.NfGate.StandIns;

namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>Checks references and packages.config of one project.</summary>
    public static class PackageCheck
    {
        public static List<Violation> Check(NfProject project, StandInSet standIns, IEnumerable<string> usedPackageIds)
        {
            var result = new List<Violation>();
            var byId = standIns.Packages.ToDictionary(p => p.PackageId, StringComparer.OrdinalIgnoreCase);
            var required = new HashSet<ListingPackage>();
            foreach (string id in usedPackageIds.Concat(new[] { standIns.Packages.First(p => p.IsCoreLibrary).PackageId }))
            {
                if (!byId.TryGetValue(id, out ListingPackage pkg)) continue;
                required.UnionWith(standIns.DependencyClosure[pkg]);
            }
            foreach (ListingPackage pkg in required.OrderBy(p => p.PackageId, StringComparer.OrdinalIgnoreCase))
            {
                ReferenceItem reference = project.References.FirstOrDefault(r => string.Equals(r.Name, pkg.AssemblyName, StringComparison.OrdinalIgnoreCase));
                if (reference == null)
                {
                    result.Add(V(Codes.PackageReference, project.RelativePath, 1, pkg.AssemblyName,
                        "device code uses " + pkg.PackageId + " (or a package needing it) but " + project.RelativePath +
                        " has no <Reference Include=\"" + pkg.AssemblyName + "\"> (HintPath packages\\" + pkg.PackageId + "." + pkg.Version + "\\lib\\" + pkg.AssemblyName + ".dll)"));
                }
                else if (reference.HintPath != null)
                {
                    Match m = Regex.Match(reference.HintPath, Regex.Escape(pkg.PackageId) + @"\.(\d[^\\/]*)[\\/]", RegexOptions.IgnoreCase);
                    if (m.Success && m.Groups[1].Value != pkg.Version)
                    {
                        result.Add(V(Codes.PackageVersion, project.RelativePath, reference.Line, pkg.AssemblyName,
                            "HintPath points at " + pkg.PackageId + " " + m.Groups[1].Value + ", the listings are " + pkg.Version));
                    }
                }
                PackageEntry entry = project.Packages.FirstOrDefault(p => string.Equals(p.Id, pkg.PackageId, StringComparison.OrdinalIgnoreCase));
                if (entry == null)
                {
                    result.Add(V(Codes.PackageConfig, project.PackagesConfigRelativePath, 1, pkg.PackageId,
                        (project.PackagesConfigExists ? "missing <package id=\"" : "packages.config is missing; needs <package id=\"") +
                        pkg.PackageId + "\" version=\"" + pkg.Version + "\" targetFramework=\"netnano1.0\" />"));
                }
                else if (entry.Version != pkg.Version)
                {
                    result.Add(V(Codes.PackageVersion, project.PackagesConfigRelativePath, entry.Line, pkg.PackageId,
                        "version " + entry.Version + " but the listings (INDEX.tsv) are " + pkg.Version));
                }
            }
            return result;
        }

        private static Violation V((string Code, string Kind) c, string file, int line, string symbol, string message) =>
            new Violation { File = file, Line = line, Column = 1, Code = c.Code, Kind = c.Kind, Symbol = symbol, Message = message };
    }
}
