// The compiled stand-ins: one Roslyn compilation per listing package (CoreLibrary = mscorlib
// defines System.Object; every other package references its nuspec dependencies), used by the
// device compilation as CompilationReferences so device files bind against ONLY the listed API.
// Also maps every stand-in symbol back to its listing entry, and reports how sound the stand-in
// generation was (unresolved names, declaration errors). Lives only inside the gate process;
// nothing here is emitted to disk. Cached per listings folder.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Endpoint.Tools.NfGate.Listing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Endpoint.Tools.NfGate.StandIns
{
    /// <summary>Compiled stand-ins for all stable listing packages plus the symbol map.</summary>
    public sealed class StandInSet
    {
        private static readonly ConcurrentDictionary<string, Lazy<StandInSet>> Cache = new ConcurrentDictionary<string, Lazy<StandInSet>>(StringComparer.Ordinal);

        private readonly Dictionary<string, object> _entries = new Dictionary<string, object>(StringComparer.Ordinal);

        public IReadOnlyList<ListingPackage> Packages { get; private set; }

        /// <summary>Assembly name (e.g. "System.Net") -> package.</summary>
        public Dictionary<string, ListingPackage> ByAssembly { get; } = new Dictionary<string, ListingPackage>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Package -> its transitive dependencies (CoreLibrary included).</summary>
        public Dictionary<ListingPackage, HashSet<ListingPackage>> DependencyClosure { get; private set; }

        /// <summary>References to give a device compilation (one per package).</summary>
        public List<MetadataReference> References { get; } = new List<MetadataReference>();

        /// <summary>Unresolved/ambiguous listing type names (gate bugs; keep at zero).</summary>
        public List<string> NameProblems { get; private set; }

        /// <summary>Listed constant values that name library-internal constants (placeholders used).</summary>
        public List<string> ValueProblems { get; private set; }

        /// <summary>Declaration errors of the stand-in compilations, e.g. a listed class that
        /// claims an interface whose members the listing does not show. Informational.</summary>
        public List<string> DeclarationProblems { get; } = new List<string>();

        /// <summary>Generated source per package (for --verbose dumps and debugging).</summary>
        public Dictionary<ListingPackage, string> Sources { get; } = new Dictionary<ListingPackage, string>();

        public TimeSpan BuildTime { get; private set; }

        /// <summary>Listing lines (types + members) turned into stand-in declarations.</summary>
        public int ListingEntries { get; private set; }

        /// <summary>Listing entries whose stand-in symbol was found after compiling (should equal
        /// <see cref="ListingEntries"/>; a gap means a listing line the gate could not declare).</summary>
        public int MappedEntries => _mappedIds.Count;

        /// <summary>Listing lines without a compiled stand-in symbol (for --verbose).</summary>
        public List<string> UnmappedEntries { get; } = new List<string>();

        private readonly HashSet<int> _mappedIds = new HashSet<int>();

        /// <summary>Loads (or reuses) the stand-ins for a listings folder.</summary>
        public static StandInSet Load(string apiDir)
        {
            string full = Path.GetFullPath(apiDir);
            string stamp = full + "|" + string.Join(",", Directory.Exists(full)
                ? Directory.GetFiles(full, "*.txt").Select(f => File.GetLastWriteTimeUtc(f).Ticks.ToString())
                : Array.Empty<string>());
            // Lazy: concurrent callers (parallel tests) build the stand-ins once.
            return Cache.GetOrAdd(stamp, _ => new Lazy<StandInSet>(() => Build(full))).Value;
        }

        private static StandInSet Build(string apiDir)
        {
            var started = DateTime.UtcNow;
            var set = new StandInSet();
            List<ListingPackage> packages = ListingParser.LoadAll(apiDir);
            set.Packages = packages;
            foreach (ListingPackage p in packages) set.ByAssembly[p.AssemblyName] = p;
            set.DependencyClosure = Closure(packages);
            var resolver = new TypeNameResolver(packages, set.DependencyClosure);
            var generator = new StandInGenerator(resolver);
            foreach (ListingPackage p in packages) set.Sources[p] = generator.Generate(p);
            set.NameProblems = resolver.Problems;
            set.ValueProblems = generator.ValueProblems;

            var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: true);
            var compiled = new Dictionary<ListingPackage, CSharpCompilation>();
            foreach (ListingPackage p in TopologicalOrder(packages, set.DependencyClosure))
            {
                SyntaxTree tree = CSharpSyntaxTree.ParseText(set.Sources[p], parse, path: "standin/" + p.FileName + ".cs");
                var refs = set.DependencyClosure[p].Where(d => d != p).Select(d => (MetadataReference)compiled[d].ToMetadataReference()).ToList();
                CSharpCompilation c = CSharpCompilation.Create(p.AssemblyName, new[] { tree }, refs, options);
                compiled[p] = c;
                foreach (Diagnostic d in c.GetDiagnostics())
                {
                    if (d.Severity != DiagnosticSeverity.Error) continue;
                    string where = d.Location.GetLineSpan().StartLinePosition.Line + 1 + "";
                    bool unresolved = d.Id == "CS0246" || d.Id == "CS0234" || d.Id == "CS0104" || d.Id == "CS0103" || d.Id == "CS0118";
                    string line = p.FileName + " (stand-in line " + where + "): " + d.Id + " " + d.GetMessage() + "  | " + SourceLine(tree, d);
                    if (unresolved) set.NameProblems.Add(line);
                    else set.DeclarationProblems.Add(line);
                }
                set.MapSymbols(c, tree, generator.Entries);
            }
            foreach (ListingPackage p in packages) set.References.Add(compiled[p].ToMetadataReference());
            set.ListingEntries = generator.Entries.Count;
            for (int i = 0; i < generator.Entries.Count; i++)
            {
                if (set._mappedIds.Contains(i)) continue;
                object e = generator.Entries[i];
                set.UnmappedEntries.Add(e is ListedMember m ? m.Owner.Package.FileName + ":" + m.LineNumber + ": " + m.RawLine.Trim()
                    : ((ListedType)e).Package.FileName + ":" + ((ListedType)e).LineNumber + ": " + ((ListedType)e).RawLine);
            }
            set.BuildTime = DateTime.UtcNow - started;
            return set;
        }

        private static string SourceLine(SyntaxTree tree, Diagnostic d)
        {
            int line = d.Location.GetLineSpan().StartLinePosition.Line;
            return tree.GetText().Lines[line].ToString().Trim();
        }

        private void MapSymbols(CSharpCompilation c, SyntaxTree tree, List<object> entries)
        {
            SemanticModel model = c.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (!(node is MemberDeclarationSyntax) && !(node is EnumMemberDeclarationSyntax)) continue;
                int id = MarkerOf(node);
                if (id < 0) continue;
                object entry = entries[id];
                ISymbol declared = node is BaseFieldDeclarationSyntax field
                    ? model.GetDeclaredSymbol(field.Declaration.Variables[0])
                    : model.GetDeclaredSymbol(node);
                if (declared != null && Add(declared, entry)) _mappedIds.Add(id);
            }
        }

        private bool Add(ISymbol symbol, object entry)
        {
            string key = KeyOf(symbol);
            if (key == null || !_entries.TryAdd(key, entry)) return false;
            return true;
        }

        private static int MarkerOf(SyntaxNode node)
        {
            foreach (SyntaxTrivia trivia in node.GetLeadingTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)) continue;
                string s = trivia.ToString();
                if (s.StartsWith("/*@", StringComparison.Ordinal) && int.TryParse(s.Substring(3, s.Length - 5), out int id)) return id;
            }
            // Attributes come first: the marker sits before the modifiers then.
            if (node is MemberDeclarationSyntax member)
            {
                foreach (SyntaxToken tok in member.Modifiers)
                {
                    foreach (SyntaxTrivia trivia in tok.LeadingTrivia)
                    {
                        string s = trivia.ToString();
                        if (s.StartsWith("/*@", StringComparison.Ordinal) && int.TryParse(s.Substring(3, s.Length - 5), out int id)) return id;
                    }
                }
            }
            return -1;
        }

        private static string KeyOf(ISymbol symbol)
        {
            ISymbol def = symbol.OriginalDefinition;
            string doc = def.GetDocumentationCommentId();
            if (doc == null || def.ContainingAssembly == null) return null;
            return def.ContainingAssembly.Name + "|" + doc;
        }

        /// <summary>True when the symbol is declared by one of the stand-in assemblies.</summary>
        public bool IsStandIn(ISymbol symbol, IAssemblySymbol deviceAssembly)
        {
            IAssemblySymbol asm = symbol?.OriginalDefinition?.ContainingAssembly;
            return asm != null && !SymbolEqualityComparer.Default.Equals(asm, deviceAssembly) && ByAssembly.ContainsKey(asm.Name);
        }

        /// <summary>The listing entry (ListedType or ListedMember) of a stand-in symbol, or null.
        /// Compiler-synthesized members (delegate Invoke, a struct's default ctor) map to their
        /// type's entry.</summary>
        public object Lookup(ISymbol symbol)
        {
            if (symbol == null) return null;
            string key = KeyOf(symbol);
            if (key != null && _entries.TryGetValue(key, out object entry)) return entry;
            if (symbol.IsImplicitlyDeclared && symbol.ContainingType != null) return Lookup(symbol.ContainingType);
            if (symbol is IMethodSymbol m && m.ContainingType?.TypeKind == TypeKind.Delegate) return Lookup(m.ContainingType);
            return null;
        }

        /// <summary>The package an entry belongs to.</summary>
        public static ListingPackage PackageOf(object entry) =>
            entry is ListedMember m ? m.Owner.Package : (entry as ListedType)?.Package;

        private static Dictionary<ListingPackage, HashSet<ListingPackage>> Closure(List<ListingPackage> packages)
        {
            var byId = packages.ToDictionary(p => p.PackageId, StringComparer.OrdinalIgnoreCase);
            ListingPackage core = packages.First(p => p.IsCoreLibrary);
            var result = new Dictionary<ListingPackage, HashSet<ListingPackage>>();
            foreach (ListingPackage p in packages)
            {
                var set = new HashSet<ListingPackage>();
                var stack = new Stack<ListingPackage>();
                stack.Push(p);
                while (stack.Count > 0)
                {
                    ListingPackage x = stack.Pop();
                    if (!set.Add(x)) continue;
                    foreach (string dep in x.Dependencies)
                    {
                        if (byId.TryGetValue(dep, out ListingPackage d)) stack.Push(d);
                    }
                }
                if (!p.IsCoreLibrary) set.Add(core);
                result[p] = set;
            }
            return result;
        }

        private static List<ListingPackage> TopologicalOrder(List<ListingPackage> packages, Dictionary<ListingPackage, HashSet<ListingPackage>> closure)
        {
            // A package comes after everything in its closure; closures of a DAG are strictly nested.
            return packages.OrderBy(p => closure[p].Count).ThenBy(p => p.PackageId, StringComparer.Ordinal).ToList();
        }
    }
}
