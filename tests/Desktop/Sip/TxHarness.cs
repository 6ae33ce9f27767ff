// Test harness for the transaction layer: a deterministic random source, a manual clock, helpers to
// feed text messages from an address and to drain the outbox as (text, destination) pairs.
using System.Collections.Generic;
using System.Text;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Xunit;

namespace Endpoint.Tests.Sip
{
    internal sealed class CountingRandom : Endpoint.Crypto.IRandomSource
    {
        private byte _next = 1;
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = _next++;
        }
    }

    internal sealed class Sent
    {
        public string Text;
        public SipAddress To;
        public long At;
        public override string ToString() => At + ": " + Text.Substring(0, Text.IndexOf('\r'));
        public string StartLine => Text.Substring(0, Text.IndexOf('\r'));
    }

    internal sealed class TxHarness
    {
        public readonly SipTransactionConfig Config;
        public readonly SipOutbox Outbox;
        public readonly SipTransactionLayer Layer;
        public readonly SipMessage Rx = new SipMessage();
        public readonly List<Sent> Log = new List<Sent>();
        public long Now;

        public static readonly SipAddress Peer = SipAddress.FromIPv4(198, 51, 100, 9, 5060, SipTransport.Udp);
        public static readonly SipAddress PeerTcp = SipAddress.FromIPv4(198, 51, 100, 9, 40001, SipTransport.Tcp);

        public TxHarness(int poolSize = 8, System.Action<SipTransactionConfig> tweak = null)
        {
            Config = new SipTransactionConfig { PoolSize = poolSize, LocalHost = "192.0.2.10", LocalPort = 5060, OutboxSlots = 16 };
            tweak?.Invoke(Config);
            Outbox = new SipOutbox(Config.OutboxSlots, Config.MessageBufferSize);
            Layer = new SipTransactionLayer(Config, new CountingRandom(), Outbox);
        }

        public SipRxResult Receive(string text, SipAddress from, out int txId)
        {
            byte[] b = SipSamples.Bytes(text);
            Rx.Parse(b, 0, b.Length);
            var r = Layer.OnReceive(Rx, from, Now, out txId);
            Drain();
            return r;
        }

        public SipRxResult Receive(string text, SipAddress from) => Receive(text, from, out _);

        public List<Sent> Drain()
        {
            var got = new List<Sent>();
            while (Outbox.Count > 0)
            {
                var s = new Sent { Text = Encoding.Latin1.GetString(Outbox.PeekBuffer(), 0, Outbox.PeekLength()), To = Outbox.PeekDestination(), At = Now };
                Outbox.Pop();
                got.Add(s);
                Log.Add(s);
            }
            return got;
        }

        /// <summary>Advances the clock deadline by deadline up to <paramref name="until"/>, firing timers.</summary>
        public void RunUntil(long until)
        {
            for (int guard = 0; guard < 10000; guard++)
            {
                long d = Layer.NextDeadline;
                if (d > until) break;
                Now = d;
                Layer.OnTimer(Now);
                Drain();
            }
            Now = until;
            Layer.OnTimer(Now);
            Drain();
        }

        public int SendRequest(SipMethod method, SipAddress to, string callId = "call-1", long cseq = 1, string extra = "", string body = null)
        {
            int id = Layer.BeginRequest(method, "sip:bob@biloxi.example.com", to, out SipWriter w);
            Assert.True(id >= 0);
            w.Header(SipHeaderId.MaxForwards, 70);
            w.Header(SipHeaderId.From, "<sip:alice@atlanta.example.com>;tag=ftag1");
            w.Header(SipHeaderId.To, "<sip:bob@biloxi.example.com>");
            w.Header(SipHeaderId.CallId, callId);
            w.CSeq(cseq, method);
            if (extra.Length > 0) w.Ascii(SipSamples.Crlf(extra));
            if (body == null) w.NoBody();
            else { byte[] bb = Encoding.ASCII.GetBytes(body); w.Body(bb, 0, bb.Length); }
            var st = Layer.SendRequest(id, Now);
            Assert.True(st == SipSendStatus.Ok || st == SipSendStatus.SwitchedToTcp, st.ToString());
            Drain();
            return id;
        }

        public SipMessage Parse(Sent s)
        {
            var m = new SipMessage();
            byte[] b = Encoding.Latin1.GetBytes(s.Text);
            var st = m.Parse(b, 0, b.Length);
            Assert.True(st == SipParseStatus.Ok, m.ErrorReason + "\n" + s.Text);
            return m;
        }

        /// <summary>A response to the request text <paramref name="req"/> (copies Via/From/To/Call-ID/CSeq).</summary>
        public static string ResponseTo(string req, int code, string reason, string toTag = "ttag9")
        {
            var sb = new StringBuilder("SIP/2.0 " + code + " " + reason + "\n");
            foreach (string line in req.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.StartsWith("Via:") || line.StartsWith("From:") || line.StartsWith("Call-ID:") || line.StartsWith("CSeq:")) sb.Append(line).Append('\n');
                else if (line.StartsWith("To:")) sb.Append(line).Append(line.Contains("tag=") || toTag == null ? "" : ";tag=" + toTag).Append('\n');
            }
            sb.Append("Content-Length: 0\n\n");
            return sb.ToString();
        }

        public static string Request(string method, string branch, string sentBy = "198.51.100.9:5060", string callId = "srv-1", long cseq = 1,
            string fromTag = "rft1", string toTag = null, string viaExtra = "", string transport = "UDP", string cseqMethod = null) =>
            method + " sip:alice@192.0.2.10 SIP/2.0\n" +
            "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=" + branch + viaExtra + "\n" +
            "Max-Forwards: 70\n" +
            "From: <sip:carol@chicago.example.com>;tag=" + fromTag + "\n" +
            "To: <sip:alice@atlanta.example.com>" + (toTag != null ? ";tag=" + toTag : "") + "\n" +
            "Call-ID: " + callId + "\n" +
            "CSeq: " + cseq + " " + (cseqMethod ?? method) + "\n" +
            "Content-Length: 0\n\n";
    }
}
