using Endpoint.Boards;
using Endpoint.Boot;
using Xunit;

namespace Endpoint.Tests.Boot
{
    public class BoardRegistryTests
    {
        [Theory]
        [InlineData("esp32-lyrat-v4.3")]
        [InlineData("esp32-audio-kit-es8388")]
        [InlineData("esp32-s3-korvo-2-v3")]
        [InlineData("diy-intercom")]
        [InlineData("diy-deskphone")]
        public void Every_canonical_name_resolves_to_its_own_valid_definition(string name)
        {
            string error;
            BoardDefinition b = BoardRegistry.Resolve(name, out error);
            Assert.Null(error);
            Assert.NotNull(b);
            Assert.Equal(name, b.Name);
            Assert.True(BoardValidator.Check(b).Ok, BoardValidator.Check(b).Summary());
        }

        [Fact]
        public void The_name_list_is_exactly_the_resolvable_boards()
        {
            Assert.Equal(5, BoardRegistry.Names.Length);
            foreach (string n in BoardRegistry.Names) Assert.Equal(n, BoardRegistry.Find(n).Name);
        }

        [Theory]
        [InlineData("esp32-lyrat", "esp32-lyrat-v4.3")]
        [InlineData("esp32-audio-kit", "esp32-audio-kit-es8388")]
        [InlineData("esp32-s3-korvo2", "esp32-s3-korvo-2-v3")]
        [InlineData("esp32-s3-korvo-2", "esp32-s3-korvo-2-v3")]
        public void Short_aliases_resolve_to_the_canonical_board(string alias, string canonical)
        {
            Assert.Equal(canonical, BoardRegistry.Canonical(alias));
            Assert.Equal(canonical, BoardRegistry.Find(alias).Name);
        }

        [Theory]
        [InlineData("esp32-lyrat-v4")]
        [InlineData("ESP32-LYRAT-V4.3")]
        [InlineData("")]
        [InlineData("virtual-deskphone")]
        public void Unknown_names_are_rejected_with_the_list_of_known_boards(string name)
        {
            string error;
            Assert.Null(BoardRegistry.Resolve(name, out error));
            Assert.Contains("field 'board'", error);
            Assert.Contains("\"" + name + "\"", error);
            foreach (string n in BoardRegistry.Names) Assert.Contains(n, error);
        }

        [Fact]
        public void A_virtual_board_name_is_explained()
        {
            string error;
            BoardRegistry.Resolve("virtual-intercom", out error);
            Assert.Contains("desktop", error);
        }

        [Fact]
        public void A_missing_board_name_is_rejected()
        {
            string error;
            Assert.Null(BoardRegistry.Resolve(null, out error));
            Assert.Contains("got nothing", error);
        }
    }
}
