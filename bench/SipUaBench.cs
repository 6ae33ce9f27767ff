// SIP user agent figures: managed bytes retained by a UserAgent (default capacities: 4 calls,
// 8 transactions sharing a 6 KiB store of kept messages and one 2 KiB write buffer, a 4 KiB
// outbox, 8 events sharing 2 KiB; "small" = UaConfig.UseSmallFootprint / sip.profile "small")
// while idle-registered and during one established call, and bytes allocated (and time) per
// received in-dialog INFO in steady state (parse, transaction match, dialog match, 200 OK,
// event copy). The peer is scripted here as text; no sockets.
using System;
using System.Text;
using Endpoint.Crypto;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;

namespace Endpoint.Bench
{
    public static class SipUaBench
    {
        private sealed class Rng : IRandomSource
        {
            private uint _s = 2463534242;
            public void NextBytes(byte[] buf, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    _s ^= _s << 13; _s ^= _s >> 17; _s ^= _s << 5;
                    buf[offset + i] = (byte)_s;
                }
            }
        }

        private static readonly SipAddress Registrar = SipAddress.FromIPv4(192, 0, 2, 1, 5060, SipTransport.Udp);
        private static readonly SipAddress Peer = SipAddress.FromIPv4(192, 0, 2, 20, 5060, SipTransport.Udp);

        private const string Sdp =
            "v=0\r\no=bob 1 1 IN IP4 192.0.2.20\r\ns=-\r\nc=IN IP4 192.0.2.20\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendrecv\r\n";

        private static bool _small;

        private static UaConfig Config()
        {
            var c = new UaConfig { LocalHost = "192.0.2.10", LocalPort = 5060, User = "alice", Domain = "example.com", RegistrarHost = "192.0.2.1", KeepAliveSeconds = 25 };
            if (_small) c.UseSmallFootprint();
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

        private static string Header(string msg, string name)
        {
            foreach (string line in msg.Split("\r\n"))
            {
                if (line.StartsWith(name + ": ", StringComparison.Ordinal)) return line.Substring(name.Length + 2);
            }
            return null;
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
            while (ua.PollEvent() != null) { }
        }

        private static UserAgent Registered()
        {
            var ua = new UserAgent(Config(), new Rng());
            ua.Register(0);
            string reg = TakeOut(ua);
            Feed(ua, Response(reg, 200, "Contact: <sip:alice@192.0.2.10:5060>;expires=300\r\n"), Registrar, 10);
            TakeOut(ua);
            return ua;
        }

        private static string Invite =
            "INVITE sip:alice@192.0.2.10:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKbenchinv;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: \"Bob\" <sip:bob@example.com>;tag=bobtag1\r\n" +
            "To: <sip:alice@example.com>\r\n" +
            "Call-ID: bench-call-1@192.0.2.20\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:bob@192.0.2.20:5060>\r\n" +
            "Supported: timer\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: " + Sdp.Length + "\r\n\r\n" + Sdp;

        private static UserAgent InCall(out string localTag)
        {
            UserAgent ua = Registered();
            Feed(ua, Invite, Peer, 20);
            TakeOut(ua);
            byte[] answer = Encoding.ASCII.GetBytes(Sdp.Replace("192.0.2.20", "192.0.2.10"));
            ua.Answer(0x100, answer, 0, answer.Length, 30);
            string ok = TakeOut(ua);
            string to = Header(ok, "To");
            localTag = to.Substring(to.IndexOf(";tag=", StringComparison.Ordinal) + 5);
            string ack = "ACK sip:alice@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKbenchack\r\nMax-Forwards: 70\r\n" +
                         "From: \"Bob\" <sip:bob@example.com>;tag=bobtag1\r\nTo: " + to + "\r\nCall-ID: bench-call-1@192.0.2.20\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
            Feed(ua, ack, Peer, 40);
            TakeOut(ua);
            return ua;
        }

        public static void Run(BenchReport r)
        {
            long idle = BenchReport.RetainedBytes(() => Registered());
            long call = BenchReport.RetainedBytes(() => InCall(out _));
            r.Figure("sipua.registered_idle.retained", idle, "bytes");
            r.Figure("sipua.one_call.retained", call, "bytes");
            _small = true;
            r.Figure("sipua.small.registered_idle.retained", BenchReport.RetainedBytes(() => Registered()), "bytes");
            r.Figure("sipua.small.one_call.retained", BenchReport.RetainedBytes(() => InCall(out _)), "bytes");
            var parts = new UaConfig();
            r.Figure("sipua.part.transactions.retained", BenchReport.RetainedBytes(() => new SipTransactionLayer(new SipTransactionConfig { PoolSize = parts.TxPoolSize, MessageBufferSize = parts.MessageBufferSize, StoreBytes = parts.TxStoreBytes }, new UaRandom(new Rng()), new SipOutbox(1, 64))), "bytes");
            r.Figure("sipua.part.outbox.retained", BenchReport.RetainedBytes(() => new SipOutbox(parts.OutboxSlots, parts.MessageBufferSize, parts.OutboxBytes)), "bytes");
            r.Figure("sipua.part.events.retained", BenchReport.RetainedBytes(() => new UaEventQueue(parts.EventSlots, parts.EventBodyBytes, parts.Dialog.UriBytes, parts.EventStoreBytes)), "bytes");
            r.Figure("sipua.part.dialog.retained", BenchReport.RetainedBytes(() => new Endpoint.Sip.Dialog.SipDialog(parts.Dialog)), "bytes");
            _small = false;

            // steady state: INFO (dtmf-relay) requests in the established dialog, CSeq and branch patched in place
            UserAgent ua = InCall(out string tag);
            string dtmf = "Signal=5\r\nDuration=160\r\n";
            string info = "INFO sip:alice@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKinfo0000000000;rport\r\n" +
                          "Max-Forwards: 70\r\nFrom: \"Bob\" <sip:bob@example.com>;tag=bobtag1\r\nTo: <sip:alice@example.com>;tag=" + tag +
                          "\r\nCall-ID: bench-call-1@192.0.2.20\r\nCSeq: 0000000002 INFO\r\nContent-Type: application/dtmf-relay\r\nContent-Length: " + dtmf.Length + "\r\n\r\n" + dtmf;
            byte[] tpl = Encoding.ASCII.GetBytes(info);
            byte[] buf = new byte[tpl.Length];
            int branchAt = info.IndexOf("z9hG4bKinfo", StringComparison.Ordinal) + 11;
            int cseqAt = info.IndexOf("CSeq: ", StringComparison.Ordinal) + 6;
            long n = 2;
            long now = 1000;
            int infos = 0;
            BenchBody one = () =>
            {
                n++;
                now += 10_000; // old server transactions expire (Timer J = 64*T1) so the pool never fills
                Array.Copy(tpl, buf, tpl.Length);
                long v = n;
                for (int i = 9; i >= 0; i--) { buf[branchAt + i] = (byte)('0' + v % 10); buf[cseqAt + i] = (byte)('0' + v % 10); v /= 10; }
                ua.OnTimer(now);
                ua.OnDatagram(buf, 0, buf.Length, Peer, now);
                while (ua.Outbox.Count > 0) ua.Outbox.Pop();
                UaEvent e;
                while ((e = ua.PollEvent()) != null) if (e.Kind == UaEventKind.InfoReceived) infos++;
            };
            r.Figure("sipua.info_rx.alloc", BenchReport.BytesPerCall(one, 2000), "bytes/request");
            r.Figure("sipua.info_rx.time", BenchReport.NanosPerCall(one, 200), "ns/request");
            if (infos < 2000 || ua.GetCallState(0x100) != UaCallState.Established) throw new InvalidOperationException("bench: INFO requests were not delivered (" + infos + ")");
        }
    }
}
