// Data model of the nanoFramework API listings (shared/nanoframework-api/*.txt, format in its
// README.txt): one ListingPackage per file, its types and their members, with the raw text kept
// so reports can name a symbol exactly as the listing writes it. Pure data: no parsing, no Roslyn.
using System.Collections.Generic;

namespace Endpoint.Tools.NfGate.Listing
{
    /// <summary>One listing file = one NuGet package = one device assembly.</summary>
    public sealed class ListingPackage
    {
        /// <summary>File name, e.g. nanoFramework.System.Net.txt.</summary>
        public string FileName { get; init; }

        /// <summary>NuGet package id as written in INDEX.tsv (compare case-insensitively).</summary>
        public string PackageId { get; set; }

        /// <summary>Assembly name without .dll, e.g. mscorlib, System.Net.</summary>
        public string AssemblyName { get; set; }

        /// <summary>INDEX.tsv column nbgv_version_at_commit.</summary>
        public string Version { get; set; }

        /// <summary>Package ids this package depends on (from the listing's nuspec header).</summary>
        public List<string> Dependencies { get; } = new List<string>();

        /// <summary>All types of the package, outer types before their nested types.</summary>
        public List<ListedType> Types { get; } = new List<ListedType>();

        /// <summary>True for the package that defines System.Object.</summary>
        public bool IsCoreLibrary => AssemblyName == "mscorlib";

        public override string ToString() => PackageId;
    }

    /// <summary>A `type ...` line and its member lines.</summary>
    public sealed class ListedType
    {
        public ListingPackage Package { get; init; }

        /// <summary>Full name as listed, nested types as Outer.Inner, without type parameters.</summary>
        public string FullName { get; init; }

        /// <summary>class, struct, interface, enum or delegate.</summary>
        public string Kind { get; init; }

        /// <summary>Modifiers before the kind: static, abstract, sealed, readonly, ref.</summary>
        public List<string> Modifiers { get; } = new List<string>();

        /// <summary>Type parameters as written, with variance (e.g. "in T").</summary>
        public List<string> TypeParameters { get; } = new List<string>();

        /// <summary>Base class/interfaces, or the enum's underlying type, as written.</summary>
        public List<string> Bases { get; } = new List<string>();

        /// <summary>Delegate parameter types (raw) and return type; null for other kinds.</summary>
        public List<string> DelegateParameters { get; set; }

        public string DelegateReturnType { get; set; }

        /// <summary>Raw `where ...` clause, if any.</summary>
        public string WhereClause { get; set; }

        public List<ListingTag> Tags { get; } = new List<ListingTag>();

        public List<ListedMember> Members { get; } = new List<ListedMember>();

        /// <summary>Enclosing type for nested types (resolved after parsing), else null.</summary>
        public ListedType DeclaringType { get; set; }

        /// <summary>Namespace (empty for the global namespace); set once nesting is known.</summary>
        public string Namespace { get; set; }

        /// <summary>Simple name (last segment of FullName).</summary>
        public string Name { get; set; }

        public List<ListedType> NestedTypes { get; } = new List<ListedType>();

        public string RawLine { get; init; }

        public int LineNumber { get; init; }

        public bool HasTag(string name) => ListingTag.Has(Tags, name);

        /// <summary>[ExcludeType]: exists for the compiler only, stripped from the .pe.</summary>
        public bool IsExcludeType => HasTag("ExcludeType") || (DeclaringType != null && DeclaringType.IsExcludeType);

        public override string ToString() => FullName;
    }

    /// <summary>One member line (ctor, field, prop, event, method, operator, enum value).</summary>
    public sealed class ListedMember
    {
        public ListedType Owner { get; init; }

        /// <summary>ctor, field, prop, event, method, operator or enum.</summary>
        public string Kind { get; init; }

        /// <summary>Name as listed: ".ctor", "Replace", "IList.Add", "this", "IList.this",
        /// "operator ==", "operator implicit SpanByte".</summary>
        public string Name { get; init; }

        /// <summary>Parameter texts as written (modifiers and "= default" included); null when the
        /// member has no parameter list (fields, plain properties, events, enum values).</summary>
        public List<string> Parameters { get; init; }

        /// <summary>Return / field / property / event type as written; null for ctors, enums and
        /// conversion operators (whose target type is in the name).</summary>
        public string Type { get; init; }

        /// <summary>Property accessors as written, e.g. "get; protected set;".</summary>
        public string Accessors { get; init; }

        /// <summary>Constant or enum value expression, if any.</summary>
        public string Value { get; init; }

        public List<ListingTag> Tags { get; } = new List<ListingTag>();

        public string RawLine { get; init; }

        public int LineNumber { get; init; }

        /// <summary>The listing form used in reports, e.g. "System.String::IndexOf(char, int)".</summary>
        public string Signature { get; init; }

        public bool HasTag(string name) => ListingTag.Has(Tags, name);

        public override string ToString() => Signature;
    }

    /// <summary>A bracketed tag such as [static], [OBSOLETE: "...", true], [AttributeUsage(...)].</summary>
    public sealed class ListingTag
    {
        /// <summary>Tag name: the text up to the first ':', '(' or end, e.g. OBSOLETE, AttributeUsage.</summary>
        public string Name { get; init; }

        /// <summary>Text inside the brackets, e.g. `AttributeUsage(AttributeTargets.Method)`.</summary>
        public string Text { get; init; }

        public static bool Has(List<ListingTag> tags, string name)
        {
            foreach (ListingTag t in tags)
            {
                if (t.Name == name) return true;
            }
            return false;
        }

        public override string ToString() => "[" + Text + "]";
    }
}
