// Managed memory held by the whole application — UserAgent + EndpointApp (+ its CallSlots, tone
// generator, media per call) + the product personality + its hardware drivers (the real
// PushButton/RelayDriver/LedDriver over a GPIO stand-in that stores nothing) — after a full GC,
// idle-registered, during one established call (after 50 audio frames), and (parallel mode, four
// targets) while all four outgoing calls ring, each with its CallMedia, next to the ~100 KB
// nanoFramework heap. Figures for the UA's default capacities and for UaConfig.UseSmallFootprint
// (the device setting), and for the intercom (one and four call slots) and the bare engine (the
// desk phone's product is not on this branch yet: "engine" is EndpointApp without a product).
// Desktop .NET 10 x64 sizes: references are 8 bytes and object headers 16 (nanoFramework: 4 and
// about 12), so desktop figures overstate the device for pointer-heavy objects; byte buffers,
// which dominate, are the same. Static tables (tone plans, codec tables) are warmed up first and
// not counted. The SIP peer/registrar is scripted text; no sockets (the runtime's sockets and
// RTP receive buffers are not counted).
using System;
using System.Text;
using Endpoint.App;
using Endpoint.App.Intercom;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Drivers;
using Endpoint.Media.Rtp;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;

namespace Endpoint.Bench
{
    public static class AppMemoryBench
    {
        private const double HeapBudget = 100 * 1024;

        private sealed class Sink : IEventSink
        {
            public void Event(string line) { }
            public void Log(string line) { }
        }

        private sealed class Ports : IRtpPorts
        {
            private int _next = 20000;
            public int Reserve(out string error) { error = null; _next += 2; return _next; }
            public void Attach(int port, CallMedia media) { }
            public void Send(int port, byte[] packet, int length, MediaEndpoint to) { }
            public void Release(int port) { }
        }

        private sealed class Gpio : IGpioPort
        {
            public bool Open(int pin, GpioMode mode) { return true; }
            public bool Read(int pin) { return true; } // active-low button released
            public void Write(int pin, bool high) { }
        }

        private sealed class UaRng : Endpoint.Crypto.IRandomSource
        {
            private uint _s = 2463534242;
            public void NextBytes(byte[] buf, int offset, int count)
            {
                for (int i = 0; i < count; i++) { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; buf[offset + i] = (byte)_s; }
            }
        }

        private sealed class MediaRng : IRandomSource
        {
            private uint _s = 88172645;
            public uint NextUInt32() { _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5; return _s; }
        }

        /// <summary>Everything the device keeps alive.</summary>
        private sealed class Device
        {
            public UserAgent Ua;
            public EndpointApp App;
            public IProductApp Product;
            public object[] Drivers;
        }

        private static readonly SipAddress Registrar = SipAddress.FromIPv4(192, 0, 2, 1, 5060, SipTransport.Udp);
        private static readonly SipAddress Peer = SipAddress.FromIPv4(192, 0, 2, 20, 5060, SipTransport.Udp);

        private const string Sdp =
            "v=0\r\no=bob 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendrecv\r\n";

        private static EndpointConfig Config(bool intercom, int targets, bool parallel)
        {
            var c = new EndpointConfig { Board = intercom ? "virtual-intercom" : "virtual-deskphone" };
            c.Sip.Listen = new HostPort("192.0.2.10", 5060);
            c.Sip.User = "door";
            c.Sip.Domain = "example.com";
            c.Sip.Registrar = new HostPort("192.0.2.1", 5060);
            if (intercom)
            {
                string[] t = new string[targets];
                for (int i = 0; i < targets; i++) t[i] = "flat" + (i + 1);
                c.Intercom = new IntercomConfig { Targets = t, Allow = new[] { "bob@example.com" }, DoorCode = "1234", Mode = parallel ? "parallel" : "sequential" };
            }
            return c;
        }

        private static string TakeOut(UserAgent ua)
        {
            string last = null;
            while (ua.Outbox.Count > 0)
            {
                last = Encoding.ASCII.GetString(ua.Outbox.PeekBuffer(), 0, ua.Outbox.PeekLength());
                ua.Outbox.Pop();
            }
            return last;
        }

        private static string Response(string req, int code, string extra)
        {
            var sb = new StringBuilder("SIP/2.0 " + code + " OK\r\n");
            foreach (string line in req.Split("\r\n"))
            {
                if (line.StartsWith("Via:") || line.StartsWith("From:") || line.StartsWith("Call-ID:") || line.StartsWith("CSeq:")) sb.Append(line).Append("\r\n");
                else if (line.StartsWith("To:")) sb.Append(line).Append(line.Contains(";tag=") ? "" : ";tag=srv1").Append("\r\n");
            }
            sb.Append(extra).Append("Content-Length: 0\r\n\r\n");
            return sb.ToString();
        }

        private static void Feed(UserAgent ua, string text, SipAddress from, long now)
        {
            byte[] b = Encoding.ASCII.GetBytes(text);
            ua.OnDatagram(b, 0, b.Length, from, now);
        }

        private static Device Build(bool intercom, int targets, bool parallel, bool small, bool inCall, bool ringAll, bool desk = false)
        {
            EndpointConfig cfg = Config(intercom, targets, parallel);
            UaConfig uc = UaConfig.FromSipConfig(cfg.Sip, "192.0.2.10", 5060);
            if (small) uc.UseSmallFootprint();
            uc.EnsureCalls(EndpointApp.CallSlotsFor(cfg));
            var d = new Device { Ua = new UserAgent(uc, new UaRng()) };
            d.App = new EndpointApp(cfg, new Sink(), d.Ua, new Ports(), null, null, new MediaRng(), "192.0.2.10", 5060);
            if (intercom)
            {
                var gpio = new Gpio();
                var button = new PushButton(gpio, 27, true, true, 30, 800);
                var relay = new RelayDriver(gpio, 23, true, "door");
                var status = new LedDriver(gpio, 19, true, "status");
                var call = new LedDriver(gpio, 18, true, "call");
                d.Drivers = new object[] { gpio, button, relay, status, call };
                d.Product = new IntercomApp(cfg.Intercom, button, relay, status, call, true);
            }
            else if (desk)
            {
                var board = Endpoint.Boards.DiyDeskPhone.DiyDeskPhoneBoard.Create();
                var gpio = new Gpio();
                var keypad = new MatrixKeypad(gpio, new KeypadConfig { Rows = board.KeypadRows, Columns = board.KeypadColumns, KeyMap = board.KeyMap, DriveRows = board.KeypadDriveRows, ExternalPullUps = board.KeypadExternalPullUps });
                var hook = new HookSwitch(gpio, board.HookPin, board.HookOffHookHigh, board.HookPullUp, 30);
                var status = new LedDriver(gpio, board.Led("status").Pin, true, "status");
                var message = new LedDriver(gpio, board.Led("message").Pin, true, "message");
                d.Drivers = new object[] { gpio, keypad, hook, status, message };
                d.Product = new Endpoint.App.DeskPhone.DeskPhoneApp(keypad, hook, status, message);
            }
            d.App.Attach(d.Product, null);
            d.App.Start(0);
            string reg = TakeOut(d.Ua);
            Feed(d.Ua, Response(reg, 200, "Contact: <sip:door@192.0.2.10:5060>;expires=300\r\n"), Registrar, 10);
            d.App.OnTimer(20);
            TakeOut(d.Ua);
            if (ringAll)
            {
                d.App.OnCommand(Command.Parse("button", out _), 30); // no input injector: straight to the intercom
                d.App.OnTimer(40);
                TakeOut(d.Ua);
                int calling = 0;
                for (int i = 0; i < d.App.SlotCount; i++) if (d.App.Slot(i).Phase == CallPhase.Calling) calling++;
                if (calling != targets) throw new InvalidOperationException("bench: " + calling + " of " + targets + " targets are being called");
            }
            if (!inCall) return d;

            string invite =
                "INVITE sip:door@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKappinv;rport\r\nMax-Forwards: 70\r\n" +
                "From: \"Bob\" <sip:bob@example.com>;tag=bobtag1\r\nTo: <sip:door@example.com>\r\nCall-ID: app-call-1@192.0.2.20\r\nCSeq: 1 INVITE\r\n" +
                "Contact: <sip:bob@192.0.2.20:5060>\r\nContent-Type: application/sdp\r\nContent-Length: " + Sdp.Length + "\r\n\r\n" + Sdp;
            Feed(d.Ua, invite, Peer, 30);
            d.App.OnTimer(40); // the intercom auto-answers bob (allow-listed)
            if (!intercom) d.App.OnCommand(Command.Parse("answer", out _), 40);
            string ok = TakeOut(d.Ua);
            string to = null;
            foreach (string line in ok.Split("\r\n")) if (line.StartsWith("To: ", StringComparison.Ordinal)) to = line.Substring(4);
            string ack = "ACK sip:door@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKappack\r\nMax-Forwards: 70\r\n" +
                         "From: \"Bob\" <sip:bob@example.com>;tag=bobtag1\r\nTo: " + to + "\r\nCall-ID: app-call-1@192.0.2.20\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
            Feed(d.Ua, ack, Peer, 50);
            long now = 60;
            for (int i = 0; i < 50; i++, now += 20) { d.App.OnTimer(now); d.App.OnAudioFrame(now); TakeOut(d.Ua); }
            CallSlot cur = d.App.Current;
            if (cur == null || cur.Phase != CallPhase.Connected) throw new InvalidOperationException("bench: the call did not connect (" + (cur == null ? "no call" : CallSlot.Name(cur.Phase)) + ")");
            return d;
        }

        private static void Figure(BenchReport r, string name, Func<object> make)
        {
            make(); // warm statics (tone tables, codec tables) so only per-device memory is counted
            long bytes = BenchReport.RetainedBytes(make);
            r.Figure(name, bytes, "bytes (" + (100.0 * bytes / HeapBudget).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "% of a ~100 KB heap)");
        }

        public static void Run(BenchReport r)
        {
            if (!r.Wants("app.memory")) return;
            foreach (bool small in new[] { true, false })
            {
                string ua = small ? "small" : "default";
                Figure(r, "app.memory." + ua + ".intercom.registered_idle", () => Build(true, 2, false, small, false, false));
                Figure(r, "app.memory." + ua + ".intercom.one_call", () => Build(true, 2, false, small, true, false));
                Figure(r, "app.memory." + ua + ".intercom_parallel2.ringing_all", () => Build(true, 2, true, small, false, true));
                Figure(r, "app.memory." + ua + ".intercom_parallel4.registered_idle", () => Build(true, 4, true, small, false, false));
                Figure(r, "app.memory." + ua + ".intercom_parallel4.ringing_all", () => Build(true, 4, true, small, false, true));
                Figure(r, "app.memory." + ua + ".deskphone.registered_idle", () => Build(false, 0, false, small, false, false, true));
                Figure(r, "app.memory." + ua + ".deskphone.one_call", () => Build(false, 0, false, small, true, false, true));
                Figure(r, "app.memory." + ua + ".engine_no_product.registered_idle", () => Build(false, 0, false, small, false, false));
                Figure(r, "app.memory." + ua + ".engine_no_product.one_call", () => Build(false, 0, false, small, true, false));
            }
            r.Figure("app.memory.part.callmedia", BenchReport.RetainedBytes(() => new CallMedia(new MediaConfig(), "192.0.2.10", 20000, "1", new MediaRng(), null, null)), "bytes per call");
            r.Figure("app.memory.part.intercom_product", BenchReport.RetainedBytes(() =>
            {
                var gpio = new Gpio();
                var cfg = Config(true, 2, false).Intercom;
                return new IntercomApp(cfg, new PushButton(gpio, 27, true, true, 30, 800), new RelayDriver(gpio, 23, true, "door"), new LedDriver(gpio, 19, true, "status"), new LedDriver(gpio, 18, true, "call"), true);
            }), "bytes (app + drivers + config)");
        }
    }
}
