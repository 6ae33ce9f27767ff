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
    

        private sealed class Lines : Endpoint.App.IEventSink
        {
            public readonly System.Collections.Generic.List<string> Events = new System.Collections.Generic.List<string>();
            public void Event(string line) { Events.Add(line); }
            public void Log(string line) { }
        }

        private static EndpointConfig Provision(MemoryFileStore files, Lines sink, out string error)
        {
            Endpoint.Provisioning.Provisioner p;
            return BootConfig.Provision(Storage(files), BoardRegistry.AcceptedNames(), sink, out p, out error);
        }

        [Fact]
        public void An_upload_is_imported_into_the_slots_and_removed()
        {
            var files = new MemoryFileStore();
            byte[] b = Encoding.UTF8.GetBytes(Good);
            files.WriteFile("endpoint", b, 0, b.Length);
            var sink = new Lines();
            string error;
            EndpointConfig c = Provision(files, sink, out error);
            Assert.True(c != null, error);
            Assert.Equal("office", c.Wifi.Ssid);
            Assert.Contains(sink.Events, l => l.StartsWith("event provisioning result=applied"));
            Assert.Null(files.Peek("endpoint"));
            // Next boot: nothing uploaded, the slots still hold it.
            EndpointConfig again = Provision(files, new Lines(), out error);
            Assert.True(again != null, error);
            Assert.Equal("office", again.Wifi.Ssid);
        }

        [Fact]
        public void A_bad_upload_is_reported_and_the_last_good_configuration_runs()
        {
            var files = new MemoryFileStore();
            byte[] good = Encoding.UTF8.GetBytes(Good);
            files.WriteFile("endpoint", good, 0, good.Length);
            string error;
            Assert.NotNull(Provision(files, new Lines(), out error));
            byte[] bad = Encoding.UTF8.GetBytes("{\"board\": \"diy-intercom\", \"wifi\": {\"ssid\": \"\"}}");
            files.WriteFile("endpoint", bad, 0, bad.Length);
            var sink = new Lines();
            EndpointConfig c = Provision(files, sink, out error);
            Assert.True(c != null, error);
            Assert.Equal("office", c.Wifi.Ssid);
            Assert.Contains(sink.Events, l => l.StartsWith("event provisioning result=rejected") && l.Contains("wifi"));
        }

        [Fact]
        public void An_upload_for_an_unknown_board_is_refused_and_nothing_runs_without_a_good_one()
        {
            var files = new MemoryFileStore();
            byte[] b = Encoding.UTF8.GetBytes("{\"board\": \"virtual-intercom\"}");
            files.WriteFile("endpoint", b, 0, b.Length);
            var sink = new Lines();
            string error;
            Assert.Null(Provision(files, sink, out error));
            Assert.Contains("not accepted", error);
            Assert.Contains(sink.Events, l => l.Contains("result=rejected") && l.Contains("field=board"));
        }

        [Fact]
        public void Board_aliases_are_accepted_names()
        {
            Assert.Contains("esp32-lyrat-v4.3", BoardRegistry.AcceptedNames());
            Assert.Contains("diy-intercom", BoardRegistry.AcceptedNames());
            Assert.True(BoardRegistry.AcceptedNames().Length > BoardRegistry.Names.Length);
        }
    }
}
