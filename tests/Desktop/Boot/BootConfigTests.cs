using System.Text;
using Endpoint.Boot;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Simulation;
using Xunit;

namespace Endpoint.Tests.Boot
{
    public class BootConfigTests
    {
        private const string Good = "{\"board\": \"diy-intercom\", \"wifi\": {\"ssid\": \"office\"}}";

        private static AtomicStorage Storage(MemoryFileStore files) { return new AtomicStorage(files, ConfigLoader.MaxConfigBytes); }

        [Fact]
        public void Nothing_stored_is_a_clear_error_naming_the_file()
        {
            string error;
            Assert.Null(BootConfig.Load(Storage(new MemoryFileStore()), out error));
            Assert.Contains("flash:endpoint: no configuration stored", error);
            Assert.Contains("I:\\endpoint", error);
        }

        [Fact]
        public void A_stored_configuration_is_loaded_and_validated()
        {
            var files = new MemoryFileStore();
            byte[] b = Encoding.UTF8.GetBytes(Good);
            Assert.Equal(StorageStatus.Ok, Storage(files).Write(BootConfig.Key, b, 0, b.Length));
            Assert.NotNull(files.Peek("endpoint"));
            string error;
            EndpointConfig c = BootConfig.Load(Storage(files), out error);
            Assert.True(c != null, error);
            Assert.Equal("diy-intercom", c.Board);
            Assert.Equal("office", c.Wifi.Ssid);
        }

        [Fact]
        public void Invalid_json_names_the_source()
        {
            var files = new MemoryFileStore();
            byte[] b = Encoding.UTF8.GetBytes("{\"board\": ");
            files.WriteFile("endpoint", b, 0, b.Length);
            string error;
            Assert.Null(BootConfig.Load(Storage(files), out error));
            Assert.StartsWith("flash:endpoint: not valid JSON", error);
        }

        [Fact]
        public void A_write_cut_between_the_renames_boots_the_new_verified_file()
        {
            var files = new MemoryFileStore();
            byte[] old = Encoding.UTF8.GetBytes("{\"board\": \"diy-deskphone\", \"wifi\": {\"ssid\": \"old\"}}");
            byte[] fresh = Encoding.UTF8.GetBytes(Good);
            files.WriteFile("endpoint.old", old, 0, old.Length);
            files.WriteFile("endpoint.new", fresh, 0, fresh.Length);
            string error;
            EndpointConfig c = BootConfig.Load(Storage(files), out error);
            Assert.True(c != null, error);
            Assert.Equal("office", c.Wifi.Ssid);
        }

        [Fact]
        public void An_oversized_file_is_refused_before_reading()
        {
            var files = new MemoryFileStore();
            byte[] big = new byte[ConfigLoader.MaxConfigBytes + 1];
            files.WriteFile("endpoint", big, 0, big.Length);
            string error;
            Assert.Null(BootConfig.Load(Storage(files), out error));
            Assert.Contains("more than the 16384 allowed", error);
        }

        [Fact]
        public void No_storage_is_an_error_not_an_exception()
        {
            string error;
            Assert.Null(BootConfig.Load(null, out error));
            Assert.NotNull(error);
        }
    }
}
