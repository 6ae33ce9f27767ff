// Bad input never crashes or leaks a user agent: every message of a complete call (INVITE with
// SDP, 180, 200, ACK, re-INVITE, BYE, REGISTER challenge...) is replayed with random byte
// mutations, truncations and duplications into fresh agents; unanswered incoming calls are
// refused after the ring timeout (or the INVITE's Expires), so slots always come back.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Endpoint.Sip.Message;
using Endpoint.Sip.Transaction;
using Endpoint.Sip.Ua;
using Xunit;

namespace Endpoint.Tests.SipUa
{
    public class SipUaRobustnessTests
    {
        private static List<Packet> Corpus()
        {
            var p = new UaPair(tweakA: c => c.SessionExpires = 120);
            var (a, b) = p.Establish();
            byte[] h = UaPair.B8(UaPair.Sdp("10.0.0.1", 20000, "sendonly", 2));
            p.A.Ua.Reinvite(a, h, 0, h.Length, p.Now);
            p.Net.Pump();
            p.B.Ua.Answer(b, h, 0, h.Length, p.Now);
            p.Net.Pump();
            byte[] m = UaPair.B8("hello");
            p.A.Ua.SendMessage("sip:bob@10.0.0.2:5060", "text/plain", m, 0, m.Length, p.Now);
            p.A.Ua.SendInfo(a, "application/dtmf-relay", m, 0, m.Length, p.Now);
            p.Net.Pump();
            p.A.Ua.Hangup(a, p.Now);
            p.Net.Pump();
            return p.Net.Log.ToList();
        }

        [Fact]
        public void MutatedTraffic_NoExceptions_SlotsRecovered()
        {
            List<Packet> corpus = Corpus();
            Assert.True(corpus.Count >= 15, corpus.Count + " packets");
            var rnd = new Random(7);
            int incoming = 0, answered = 0, responses = 0;
            for (int round = 0; round < 150; round++)
            {
                var cfg = LoopNet.Config("10.0.0.2", "bob");
                cfg.RingTimeoutSeconds = 60;
                var ua = new UserAgent(cfg, new SeededRandom(round));
                long now = 0;
                for (int k = 0; k < 40; k++)
                {
                    Packet src = corpus[rnd.Next(corpus.Count)];
                    byte[] b = Encoding.Latin1.GetBytes(src.Text);
                    int edits = rnd.Next(4);
                    for (int e = 0; e < edits; e++)
                    {
                        int pos = rnd.Next(b.Length);
                        switch (rnd.Next(4))
                        {
                            case 0: b[pos] = (byte)rnd.Next(256); break;
                            case 1: b[pos] = (byte)"\r\n:;<>@\" ,=0"[rnd.Next(12)]; break;
                            case 2: Array.Resize(ref b, pos); break;
                            default: b = b.Take(pos).Concat(b.Skip(rnd.Next(b.Length))).ToArray(); break;
                        }
                        if (b.Length == 0) break;
                    }
                    now += rnd.Next(3000);
                    ua.OnDatagram(b, 0, b.Length, src.From, now);
                    responses += ua.Outbox.Count;
                    while (ua.Outbox.Count > 0) ua.Outbox.Pop();
                    UaEvent ev;
                    while ((ev = ua.PollEvent()) != null) if (ev.Kind == UaEventKind.IncomingCall) incoming++;
                    if (ua.NextDeadline <= now) ua.OnTimer(now);
                }
                // everything times out eventually: no slot stays taken without an application holding it
                for (long t = now; t < now + 400_000; t += 1000)
                {
                    if (ua.NextDeadline <= t) ua.OnTimer(t);
                    while (ua.Outbox.Count > 0) ua.Outbox.Pop();
                    UaEvent e;
                    while ((e = ua.PollEvent()) != null)
                    {
                        // the application hangs up whatever got through as a call
                        if (e.Kind == UaEventKind.CallAnswered || e.Kind == UaEventKind.CallConfirmed) { answered++; ua.Hangup(e.Call, t); }
                    }
                }
                Assert.True(ua.CallsInUse == 0, "round " + round + ": " + ua.CallsInUse + " calls still in use");
                Assert.Equal(0, ua.Transactions.ActiveCount);
            }
            // the mutations left enough intact for the agents to really work on it
            Assert.True(incoming > 50 && responses > 1000, incoming + " incoming calls, " + responses + " messages sent");
        }

        [Fact]
        public void UnansweredIncomingCall_RefusedAfterRingTimeoutOrExpires()
        {
            var p = new UaPair(tweakB: c => c.RingTimeoutSeconds = 30);
            p.Call();
            int b = p.BCall;
            p.Net.Run(29_999);
            Assert.Equal(UaCallState.Incoming, p.B.Ua.GetCallState(b));
            p.Net.Run(1);
            Assert.Equal("no answer", p.B.Last(UaEventKind.CallEnded).Reason);
            Assert.Equal(480, p.A.Last(UaEventKind.CallEnded).Code);
            Assert.Equal(0, p.A.Ua.CallsInUse + p.B.Ua.CallsInUse);

            var raw = p.Net.Add(new RawNode("C", SipAddress.FromIPv4(10, 0, 0, 3, 5060, SipTransport.Udp)));
            raw.Send("INVITE sip:bob@10.0.0.2:5060 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.3:5060;branch=z9hG4bKexp1\nMax-Forwards: 70\n" +
                     "From: <sip:carol@example.com>;tag=c1\nTo: <sip:bob@example.com>\nCall-ID: exp-1\nCSeq: 1 INVITE\n" +
                     "Contact: <sip:carol@10.0.0.3:5060>\nExpires: 5\nContent-Length: 0\n\n", p.B.Address);
            p.Net.Run(5000);
            Assert.Contains(raw.Received, t => t.StartsWith("SIP/2.0 487"));
        }
    }
}
