// Every configuration field the loader accepts has a row (with a default) in README.md's
// configuration table. The field lists are read from ConfigLoader itself (its private
// *Fields tables, by reflection) so a new field without documentation fails here.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Endpoint.Config;
using Xunit;

namespace Endpoint.Tests.Provisioning
{
    public class ConfigDocumentationTests
    {
        private static string Readme()
        {
            for (DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                string p = Path.Combine(d.FullName, "README.md");
                if (File.Exists(p) && Directory.Exists(Path.Combine(d.FullName, "firmware"))) return File.ReadAllText(p);
            }
            throw new FileNotFoundException("README.md above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void EveryConfigFieldHasAReadmeRowWithADefault()
        {
            var sections = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (FieldInfo f in typeof(ConfigLoader).GetFields(BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (f.FieldType != typeof(string[]) || !f.Name.EndsWith("Fields", StringComparison.Ordinal)) continue;
                string section = f.Name.Substring(0, f.Name.Length - 6);
                sections[char.ToLowerInvariant(section[0]) + section.Substring(1)] = (string[])f.GetValue(null);
            }
            sections["provisioning"] = ProvisioningConfig.Fields;
            Assert.True(sections.ContainsKey("root") && sections.ContainsKey("sip"), "ConfigLoader's field tables were not found");

            var rows = new List<string>();
            foreach (string name in sections["root"])
            {
                if (sections.ContainsKey(name))
                {
                    foreach (string member in sections[name]) rows.Add(name + "." + member);
                }
                else rows.Add(name);
            }
            Assert.True(rows.Count > 30, "only " + rows.Count + " fields found");

            string readme = Readme();
            var missing = new List<string>();
            foreach (string row in rows)
            {
                string prefix = "| `" + row + "` | ";
                int at = readme.IndexOf(prefix, StringComparison.Ordinal);
                if (at < 0) { missing.Add(row); continue; }
                int lineEnd = readme.IndexOf('\n', at);
                string[] cells = readme.Substring(at, lineEnd - at).Split('|');
                if (cells.Length < 4 || cells[2].Trim().Length == 0) missing.Add(row + " (no default)");
            }
            Assert.True(missing.Count == 0, "README.md has no configuration row for: " + string.Join(", ", missing));
        }
    }
}
