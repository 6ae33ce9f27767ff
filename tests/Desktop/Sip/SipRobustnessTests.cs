// Randomized robustness of the message layer: 20,000 mutated messages (bytes flipped, inserted,
// deleted, duplicated lines, truncation) with a fixed seed and a time bound. Asserts no exception,
// every slice inside the buffer, counts within limits, and a status consistent with the error.
// Also proves that parsing, writing and framing allocate nothing once warm.
using System;
using System.Diagnostics;
using Endpoint.Sip.Message;
using Xunit;
using static Endpoint.Tests.Sip.SipSamples;

namespace Endpoint.Tests.Sip
{
    public class SipRobustnessTests
    {
        private static void InBounds(Slice s, int lo, int hi)
        {
            Assert.True(s.Length >= 0 && s.Start >= lo && s.End <= hi, "slice out of bounds");
        }

        private static void Exercise(SipMessage m, byte[] b, int len)
        {
            if (m.Status == SipParseStatus.Ok) Assert.Equal(SipError.None, m.Error);
            else if (m.Status == SipParseStatus.Malformed) Assert.NotEqual(SipError.None, m.Error);
            Assert.NotNull(m.ErrorReason);
            Assert.InRange(m.HeaderCount, 0, m.MaxHeaders);
            Assert.InRange(m.Length, 0, len);
            InBounds(m.Body, 0, len);
            InBounds(m.CallId, 0, len);
            InBounds(m.TopVia.Branch, 0, len);
            InBounds(m.From.Tag, 0, len);
            for (int i = 0; i < m.HeaderCount; i++)
            {
                InBounds(m.GetHeaderName(i), 0, len);
                InBounds(m.GetHeaderValue(i), 0, len);
                m.GetNameAddr(i, out SipNameAddr na);
                InBounds(na.Uri.Host, 0, len);
                var it = new SipAuthIterator(b, m.GetHeaderValue(i));
                int guard = 0;
                while (it.Next(out Slice n, out Slice v) && guard++ < 1000) { InBounds(v, 0, len); }
                var li = new SipListIterator(b, m.GetHeaderValue(i));
                guard = 0;
                while (li.Next(out Slice item) && guard++ < 1000) { InBounds(item, 0, len); }
            }
            for (int k = 0; k < 3; k++) m.GetVia(k, out SipVia v);
            _ = m.CanAnswer;
        }

        private const string Specials = "\r\n :;,\"<>@[]%\\\0=z\t";

        [Fact]
        public void TwentyThousandMutations()
        {
            var rng = new Random(4475);
            byte[][] seeds = { Bytes(Invite), Bytes(Ok200), Bytes(Register),
                Bytes("OPTIONS sip:[2001:db8::1]:5070;transport=tcp?h=v SIP/2.0\nv: SIP/2.0/UDP [2001:db8::2];branch=z9hG4bK1;rport\nf: \"a\\\"b\" <sip:a@b>;tag=1\nt: sip:c@d\ni: x\nCSeq: 1 OPTIONS\nm: *\nl: 0\n\n") };
            var m = new SipMessage(4096, 32, 512);
            var f = new SipStreamFramer(4096);
            var w = new SipWriter();
            var outbox = new Endpoint.Sip.Transaction.SipOutbox(8, 2048);
            var layer = new Endpoint.Sip.Transaction.SipTransactionLayer(new Endpoint.Sip.Transaction.SipTransactionConfig { PoolSize = 4 }, new CountingRandom(), outbox);
            var peer = Endpoint.Sip.Transaction.SipAddress.FromIPv4(198, 51, 100, 1, 5060, SipTransport.Udp);
            long now = 0;
            byte[] outBuf = new byte[4096];
            byte[] work = new byte[8192];
            var sw = Stopwatch.StartNew();
            int ok = 0, bad = 0, more = 0;
            for (int iter = 0; iter < 20000; iter++)
            {
                Assert.True(sw.Elapsed.TotalSeconds < 60, "robustness run took too long");
                byte[] src = seeds[iter % seeds.Length];
                int len = src.Length;
                Array.Copy(src, work, len);
                int edits = 1 + rng.Next(8);
                for (int e = 0; e < edits; e++)
                {
                    int pos = rng.Next(Math.Max(1, len));
                    switch (rng.Next(6))
                    {
                        case 0: work[pos] ^= (byte)(1 << rng.Next(8)); break;
                        case 1:
                            if (len < work.Length - 1) { Array.Copy(work, pos, work, pos + 1, len - pos); work[pos] = (byte)Specials[rng.Next(Specials.Length)]; len++; }
                            break;
                        case 2: if (len > 1) { Array.Copy(work, pos + 1, work, pos, len - pos - 1); len--; } break;
                        case 3: len = pos; break;
                        case 4: work[pos] = (byte)rng.Next(256); break;
                        default:
                            int n = Math.Min(rng.Next(200), len - pos);
                            if (len + n <= work.Length) { Array.Copy(work, pos, work, len, n); len += n; }
                            break;
                    }
                }
                var st = m.Parse(work, 0, len);
                if (st == SipParseStatus.Ok) ok++; else bad++;
                Assert.NotEqual(SipParseStatus.NeedMoreData, st);
                Exercise(m, work, len);
                if (m.CanAnswer)
                {
                    w.Start(outBuf, 0, rng.Next(outBuf.Length));
                    w.StatusLine(400, m.ErrorReason);
                    w.ResponseHeaders(m, work, m.CallId, work, m.TopVia.Host, 5060);
                    w.NoBody();
                    Assert.True(w.Length <= outBuf.Length);
                }
                layer.OnReceive(m, peer, now, out int txId);
                if (layer.IsAlive(txId) && rng.Next(2) == 0)
                {
                    SipWriter rw = layer.BeginResponse(txId, 100 + rng.Next(600), "X", work, m.From.Tag);
                    if (rw != null) { rw.NoBody(); layer.SendResponse(txId, now); }
                }
                now += rng.Next(3000);
                layer.OnTimer(now);
                while (outbox.Count > 0) outbox.Pop();
                while (layer.TryGetEvent(out _, out _)) { }
                if (m.ParseStream(work, 0, len) == SipParseStatus.NeedMoreData) more++;
                Exercise(m, work, len);
                f.Reset();
                int off = 0, guard = 0;
                while (off < len && guard++ < 10000)
                {
                    off += f.Write(work, off, Math.Min(len - off, 1 + rng.Next(300)));
                    SipFrameStatus fs;
                    int inner = 0;
                    while ((fs = f.Next()) != SipFrameStatus.NeedMoreData && fs != SipFrameStatus.Fatal && inner++ < 1000)
                    {
                        if (fs == SipFrameStatus.Message) Assert.InRange(f.MessageLength, 1, 4096);
                    }
                    if (fs == SipFrameStatus.Fatal) break;
                    Assert.InRange(f.Buffered, 0, 4096);
                }
            }
            Assert.True(ok > 100 && bad > 1000, $"mutation mix looks wrong: ok={ok} bad={bad} more={more}");
        }

        [Fact]
        public void ParseWriteFrameAllocateNothingWhenWarm()
        {
            byte[] inv = Bytes(Invite), reg = Bytes(Register), ok = Bytes(Ok200);
            var m = new SipMessage();
            var w = new SipWriter();
            var f = new SipStreamFramer();
            byte[] outBuf = new byte[2048];
            byte[] tag = SipAscii.Bytes("abc");
            void Round()
            {
                m.Parse(inv, 0, inv.Length);
                w.Start(outBuf, 0, outBuf.Length);
                w.StatusLine(200, "OK");
                w.ResponseHeaders(m, tag, new Slice(0, 3), tag, new Slice(0, 3), 5060);
                w.Body(inv, m.Body.Start, m.Body.Length);
                m.GetNameAddr(m.FindHeader(SipHeaderId.Contact), out SipNameAddr c);
                m.Parse(reg, 0, reg.Length);
                SipAuthIterator.TryGet(reg, m.GetHeaderValue(m.FindHeader(SipHeaderId.Authorization)), Nonce, out Slice s);
                m.Parse(ok, 0, ok.Length);
                f.Write(inv, 0, inv.Length);
                f.Next();
            }
            for (int i = 0; i < 20; i++) Round();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++) Round();
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(0, after - before);
            Assert.Equal(SipParseStatus.Ok, m.Status);
        }

        private static readonly byte[] Nonce = SipAscii.Bytes("nonce");

        [Fact]
        public void InviteParse1000TimesAllocatesZero()
        {
            byte[] inv = Bytes(Invite);
            var m = new SipMessage();
            for (int i = 0; i < 10; i++) m.Parse(inv, 0, inv.Length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++) m.Parse(inv, 0, inv.Length);
            long delta = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, delta);
            Assert.Equal(SipParseStatus.Ok, m.Status);
        }
    }
}
