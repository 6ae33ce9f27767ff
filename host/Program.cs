// The virtual device: runs the same firmware as the boards, with simulated hardware, on the
// desktop. `dotnet run --project host -- [--config FILE] [--storage DIR]`
// (configuration and storage: ProvisioningBoot). Commands on standard input, one per
// line; events on standard output (`event NAME key=value ...`); human logs on standard error.
// Exit codes: 0 after quit, 2 for a bad command line or configuration, 3 when the network
// cannot be set up. Host-only.
using System;
using System.IO;
using System.Text;
using System.Threading;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Runtime;

namespace Endpoint.Host
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.OutputEncoding = new UTF8Encoding(false);
            string configPath = null;
            string storageDir = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--config" && i + 1 < args.Length) configPath = args[++i];
                else if (args[i] == "--storage" && i + 1 < args.Length) storageDir = args[++i];
                else if (args[i] == "--help" || args[i] == "-h") { Console.Error.WriteLine(Usage); return 0; }
                else { Console.Error.WriteLine("error: unknown argument '" + args[i] + "'\n" + Usage); return 2; }
            }

            string error;
            var sink = new ConsoleEventSink();
            EndpointConfig config = ProvisioningBoot.Load(configPath, storageDir, sink, out error);
            if (config == null) { Console.Error.WriteLine("error: " + error); return 2; }
            if (config.Board != "virtual-deskphone" && config.Board != "virtual-intercom")
            {
                Console.Error.WriteLine("error: " + (configPath ?? "default config") + ": field 'board': expected \"virtual-deskphone\" or \"virtual-intercom\" on the virtual device, got \"" + config.Board + "\"");
                return 2;
            }

            var commands = new CommandQueue();
            var runtime = new EndpointRuntime(config, sink, commands);
            var random = new RuntimeRandom(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue));
            error = runtime.Bind(random, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (error != null) { Console.Error.WriteLine("error: " + error); return 3; }
            IAudioInput mic;
            IAudioOutput speaker;
            error = VirtualAudio.Open(config, configPath, out mic, out speaker);
            if (error != null) { Console.Error.WriteLine("error: " + error); return 2; }

            var reader = new Thread(() => ReadInput(commands)) { IsBackground = true, Name = "stdin" };
            reader.Start();
            var app = new EndpointApp(config, sink, runtime.UserAgent, runtime.RtpPorts, mic, speaker, random,
                                      runtime.LocalSip.Address.ToString(), runtime.LocalSip.Port);
            var rig = Products.Rig(config, sink);
            app.Attach(Products.Create(config, rig), new RigInputs(rig));
            error = OverlayHost.Attach(app, config, configPath, storageDir, random, sink); // overlay (issue 6): no-op without an "overlay" section
            if (error != null) { Console.Error.WriteLine("error: " + error); return 2; }
            try { runtime.Run(app); }
            finally { if (speaker is IDisposable d) d.Dispose(); }
            return 0;
        }

        private const string Usage = "usage: dotnet run --project host -- [--config FILE] [--storage DIR]\n  commands on stdin: dial TARGET | answer | hangup | hold | resume | dtmf DIGITS | key K | hook off|on | button | message TARGET TEXT | status | quit";

        private static void ReadInput(CommandQueue commands)
        {
            try
            {
                string line;
                while ((line = Console.In.ReadLine()) != null)
                {
                    if (!commands.Enqueue(line)) Console.Error.WriteLine("warning: command queue full, dropped: " + line);
                }
            }
            catch (IOException) { }
            commands.Close();
        }
    }
}
