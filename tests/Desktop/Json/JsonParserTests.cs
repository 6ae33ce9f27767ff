using System.Text;
using Endpoint.Json;
using Xunit;

namespace Endpoint.Tests.Json
{
    public class JsonParserTests
    {
        private static JsonNode Ok(string text)
        {
            var p = new JsonParser();
            JsonNode n = p.Parse(text);
            Assert.True(n != null, "parse failed: " + p.Error);
            return n;
        }

        private static string Err(string text)
        {
            var p = new JsonParser(64);
            Assert.Null(p.Parse(text));
            Assert.NotNull(p.Error);
            return p.Error;
        }

        [Fact]
        public void ParsesNestedDocumentInOrder()
        {
            JsonNode n = Ok("{ \"b\": [1, -2.5e3, true, false, null], \"a\": {\"x\": \"y\"} }");
            Assert.Equal(JsonKind.Object, n.Kind);
            Assert.Equal("b", n.NameAt(0));
            Assert.Equal("a", n.NameAt(1));
            JsonNode b = n.Get("b");
            Assert.Equal(5, b.Count);
            Assert.True(b.At(0).IsInteger);
            Assert.Equal(1, b.At(0).AsLong());
            Assert.False(b.At(1).IsInteger);
            Assert.Equal(-2500.0, b.At(1).Number);
            Assert.Equal(JsonKind.True, b.At(2).Kind);
            Assert.Equal(JsonKind.Null, b.At(4).Kind);
            Assert.Equal("y", n.Get("a").Get("x").Text);
            Assert.Null(n.Get("missing"));
        }

        [Fact]
        public void UnescapesStringsIncludingSurrogatePairs()
        {
            JsonNode n = Ok("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"");
            Assert.Equal("a\"b\\c/d\n\té\U0001F600", n.Text);
            Assert.Equal("grüße", Ok("\"grüße\"").Text);
        }

        [Fact]
        public void ReportsLineAndColumn()
        {
            string e = Err("{\n  \"a\": 1,\n  \"b\" 2\n}");
            Assert.StartsWith("line 3 col 7:", e);
            Assert.Contains("expected ':'", e);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("{", "end of the document")]
        [InlineData("[1,]", "expected a value")]
        [InlineData("{\"a\":1,}", "member name")]
        [InlineData("{\"a\":1 \"b\":2}", "expected ',' or '}'")]
        [InlineData("01", "after the end")]
        [InlineData("1.", "after '.'")]
        [InlineData("1e", "exponent")]
        [InlineData("-", "expected a digit")]
        [InlineData("tru", "expected true")]
        [InlineData("\"abc", "unterminated")]
        [InlineData("\"a\tb\"", "control character")]
        [InlineData("\"\\x\"", "invalid escape")]
        [InlineData("\"\\u12g4\"", "hex digits")]
        [InlineData("\"\\ud800\"", "surrogate")]
        [InlineData("{\"a\":1,\"a\":2}", "duplicate member name \"a\"")]
        [InlineData("// comment\n1", "unexpected '/'")]
        [InlineData("[1] [2]", "after the end")]
        public void RejectsMalformedWithReason(string text, string reason)
        {
            Assert.Contains(reason, Err(text));
        }

        [Fact]
        public void LimitsNestingAndStringLength()
        {
            Assert.Contains("nesting deeper", Err(new string('[', 40) + new string(']', 40)));
            Assert.Contains("longer than 64", Err("\"" + new string('x', 100) + "\""));
            Ok(new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth));
        }

        [Fact]
        public void SkipsUtf8ByteOrderMark()
        {
            byte[] b = Encoding.UTF8.GetBytes("\uFEFF{\"a\":1}");
            Assert.NotNull(new JsonParser().Parse(b, 0, b.Length));
        }

        [Fact]
        public void RandomGarbageNeverThrows()
        {
            var r = new System.Random(7);
            var p = new JsonParser(256);
            byte[] seed = Encoding.UTF8.GetBytes("{\"sip\":{\"listen\":\"127.0.0.1:5070\",\"codecs\":[\"PCMU\",1,2.5e-3,true,null]},\"s\":\"\\u00e9\\n\"}");
            for (int i = 0; i < 20000; i++)
            {
                byte[] b = (byte[])seed.Clone();
                int edits = 1 + r.Next(4);
                for (int k = 0; k < edits; k++) b[r.Next(b.Length)] = (byte)r.Next(256);
                int len = r.Next(b.Length + 1);
                JsonNode n = p.Parse(b, 0, len);
                Assert.True(n != null || p.Error != null);
            }
        }
    }
}
