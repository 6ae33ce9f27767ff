using System.Text;
using Endpoint.Json;
using Xunit;

namespace Endpoint.Tests.Json
{
    public class JsonWriterTests
    {
        [Fact]
        public void WritesCompactEscapedJsonThatParsesBack()
        {
            byte[] buf = new byte[256];
            var w = new JsonWriter(buf, 0);
            w.BeginObject();
            w.Name("id"); w.Number(18446744073709551615UL);
            w.Name("neg"); w.Number(-42L);
            w.Name("s"); w.String("a\"b\\c\n\u0001é\U0001F600");
            w.Name("arr"); w.BeginArray(); w.Bool(true); w.String(null); w.BeginObject(); w.EndObject(); w.EndArray();
            w.EndObject();
            Assert.False(w.Overflowed);
            string text = Encoding.UTF8.GetString(buf, 0, w.Length);
            Assert.Equal("{\"id\":18446744073709551615,\"neg\":-42,\"s\":\"a\\\"b\\\\c\\n\\u0001é\U0001F600\",\"arr\":[true,null,{}]}", text);
            JsonNode n = new JsonParser().Parse(buf, 0, w.Length);
            Assert.Equal("a\"b\\c\n\u0001é\U0001F600", n.Get("s").Text);
        }

        [Fact]
        public void ReportsOverflowInsteadOfThrowing()
        {
            byte[] buf = new byte[10];
            var w = new JsonWriter(buf, 0);
            w.BeginObject(); w.Name("long name"); w.String("value that does not fit"); w.EndObject();
            Assert.True(w.Overflowed);
        }
    }
}
