// The firmware entry point on a real board (Endpoint.nfproj is an Exe; nanoCLR calls Main):
//   config  BootConfig.Provision: provisioning slots on the internal flash (AtomicStorage over I:\),
//           importing an uploaded I:\endpoint; provisioning.url fetched once Wi-Fi is up;
//   boot    BootSequence.Start: board plan + pin check, pin mux, GPIO drivers, I2S, codec;
//   network BootSequence.Connect: Wi-Fi (DHCP) with retries, SIP listens on the DHCP address;
//   run     EndpointRuntime.Bind -> EndpointApp -> Attach(ProductFactory product, no injector)
//           -> runtime.Run(app), the same loop as the desktop virtual device (host/Program.cs).
// Failure policy (firmware/Boot/README.md): bad/missing config or a board that fails the pin
// check halts with the status-LED pattern of BootFailures for 10 minutes, then reboots (so a
// config written meanwhile is picked up); Wi-Fi is retried 10 times, then the device reboots; a
// codec/I2S failure only disables audio; an unexpected exception is printed and the device
// reboots after 10 s. Events and logs go to the serial console (SerialEventSink). There is no
// serial command input: the stable nanoFramework listing has no Console read and no
// System.IO.Ports package here, so the CommandQueue stays empty. DEVICE-ONLY (not built on the
// desktop; checked by tools/NfGate). Depends on firmware/Boot, firmware/Runtime, hal/Esp32,
// nanoFramework.Runtime.Native (Power).
using System;
using System.Threading;
using Endpoint.App;
using Endpoint.Boards;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Hal.Esp32;
using Endpoint.Provisioning;
using Endpoint.Runtime;
using nanoFramework.Runtime.Native;

namespace Endpoint.Boot.Esp32
{
    /// <summary>Device entry point.</summary>
    public static class DeviceProgram
    {
        private const int HaltMs = 10 * 60 * 1000;
        private const int WifiAttempts = 10;
        private const int WifiPauseMs = 5000;
        private const int FatalRebootDelayMs = 10000;
        private const int PollMs = 20;

        /// <summary>Boots the board and runs the endpoint; never returns (the device reboots).</summary>
        public static void Main()
        {
            SerialEventSink sink = new SerialEventSink();
            sink.Log("endpoint firmware starting");
            try
            {
                Run(sink);
                sink.Log("runtime loop ended; rebooting");
            }
            catch (Exception e)
            {
                BootSequence.Report(sink, "fatal", "error", e.GetType().Name + ": " + e.Message);
                Thread.Sleep(FatalRebootDelayMs);
            }
            Power.RebootDevice();
        }

        private static void Run(SerialEventSink sink)
        {
            Esp32FileStore files = new Esp32FileStore(Esp32FileStore.InternalDrive);
            AtomicStorage storage = new AtomicStorage(files, ConfigLoader.MaxConfigBytes);

            string error;
            Provisioner provisioner;
            EndpointConfig config = BootConfig.Provision(storage, BoardRegistry.AcceptedNames(), sink, out provisioner, out error);
            Esp32BootPlatform platform = new Esp32BootPlatform();
            if (config == null)
            {
                BootSequence.Report(sink, "config", "error", error);
                Halt(platform, null, BootFailure.Config, sink);
                return;
            }
            sink.Log("boot config: " + BootConfig.Source + ", board " + config.Board);

            BootResult boot = BootSequence.Start(config, platform, storage, sink);
            if (!boot.Ok)
            {
                Halt(platform, BoardRegistry.Find(config.Board), boot.Failure, sink);
                return;
            }
            BoardDevices devices = boot.Devices;
            IIndicator status = devices.StatusLed;

            if (!JoinNetwork(config, platform, status, sink))
            {
                sink.Log("no network after " + WifiAttempts.ToString() + " attempts; rebooting");
                return;
            }

            if (config.Provisioning != null && config.Provisioning.Url != null)
            {
                // Fetched now, before the SIP stack starts, so an applied document runs at once.
                ProvisioningFetcher fetcher = new ProvisioningFetcher(provisioner, sink);
                fetcher.FetchAndApply(config.Provisioning);
                if (provisioner.Active != config && provisioner.Active.Board == config.Board) config = provisioner.Active;
                Thread periodic = fetcher.CreatePeriodic(config.Provisioning);
                if (periodic != null) periodic.Start();
            }

            CommandQueue commands = new CommandQueue();
            EndpointRuntime runtime = new EndpointRuntime(config, sink, commands);
            RuntimeRandom random = new RuntimeRandom(Seed());
            error = runtime.Bind(random, UnixMs());
            if (error != null)
            {
                BootSequence.Report(sink, "sip", "error", error);
                Halt(platform, boot.Plan.Board, BootFailure.Network, sink);
                return;
            }
            EndpointApp app = new EndpointApp(config, sink, runtime.UserAgent, runtime.RtpPorts, devices.Microphone, devices.Speaker, random,
                runtime.LocalSip.Address.ToString(), runtime.LocalSip.Port);
            IProductApp product = ProductFactory.CreateProduct(config, boot.Plan.Board, devices);
            app.Attach(product, null);
            if (product == null && status != null) status.Set(true); // steady on = running (no product to drive it)
            BootSequence.Report(sink, "run", "ok", product == null ? "generic call application" : product.Name);
            runtime.Run(app);
        }

        private static bool JoinNetwork(EndpointConfig config, Esp32BootPlatform platform, IIndicator status, SerialEventSink sink)
        {
            int on, off;
            BootFailures.LedPattern(BootFailure.Network, out on, out off);
            if (status != null) status.Blink(on, off, 0);
            LedTicker ticker = new LedTicker(status); // the join blocks; keep the LED blinking meanwhile
            bool joined = false;
            for (int attempt = 1; attempt <= WifiAttempts && !joined; attempt++)
            {
                joined = BootSequence.Connect(config, platform, sink) == null;
                if (!joined) Thread.Sleep(WifiPauseMs);
            }
            ticker.Stop();
            if (status != null) status.Set(false);
            return joined;
        }

        // Shows the failure on the status LED (when the board is known and passes the pin check,
        // so the LED pin is safe to drive) for HaltMs; the caller then reboots.
        private static void Halt(Esp32BootPlatform platform, BoardDefinition board, BootFailure failure, SerialEventSink sink)
        {
            sink.Log("halted: " + BootFailures.Name(failure) + " failure; rebooting in " + (HaltMs / 60000).ToString() + " min");
            IIndicator led = null;
            if (board != null && board.Leds.Length > 0 && BoardValidator.Check(board).Ok)
            {
                LedConfig c = board.Led("status");
                if (c == null) c = board.Leds[0];
                led = new LedDriver(platform.Gpio, c.Pin, c.ActiveHigh, c.Name);
                int on, off;
                BootFailures.LedPattern(failure, out on, out off);
                led.Blink(on, off, 0);
            }
            Wait(led, HaltMs);
        }

        private static void Wait(IIndicator led, int ms)
        {
            long end = Environment.TickCount64 + ms;
            for (int guard = 0; guard < ms / PollMs + 1; guard++)
            {
                long now = Environment.TickCount64;
                if (now >= end) break;
                if (led != null) led.Poll(now);
                Thread.Sleep(PollMs);
            }
        }

        private static int Seed()
        {
            int seed = new Random().Next() ^ (int)Environment.TickCount64 ^ (int)DateTime.UtcNow.Ticks;
            byte[] mac = Esp32BootPlatform.WifiMac();
            if (mac != null)
            {
                for (int i = 0; i < mac.Length; i++) seed = seed * 31 + mac[i];
            }
            return seed;
        }

        private static long UnixMs()
        {
            return (DateTime.UtcNow.Ticks - new DateTime(1970, 1, 1).Ticks) / 10000;
        }
    }
}
