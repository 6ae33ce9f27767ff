// SipStreamFramer (RFC 3261 §18.3 stream framing, RFC 5626 keep-alives): messages split at
// every byte position, several messages per piece, pings/pongs, size limit and bad lengths.
using System.Collections.Generic;
using Endpoint.Sip.Message;
using Xunit;
using static Endpoint.Tests.Sip.SipSamples;

namespace Endpoint.Tests.Sip
{
    public class SipFramerTests
    {
        private static List<string> Drain(SipStreamFramer f, byte[] data, int offset, int count)
        {
            var outp = new List<string>();
            int guard = 0;
            while (count > 0 && guard++ < 10000)
            {
                int n = f.Write(data, offset, count);
                offset += n;
                count -= n;
                Pump(f, outp);
                if (outp.Count > 0 && outp[^1] == "FATAL") return outp;
            }
            Pump(f, outp);
            return outp;
        }

        private static void Pump(SipStreamFramer f, List<string> outp)
        {
            for (int k = 0; k < 100; k++)
            {
                var st = f.Next();
                if (st == SipFrameStatus.NeedMoreData) return;
                if (st == SipFrameStatus.Message) outp.Add(System.Text.Encoding.Latin1.GetString(f.Buffer, f.MessageOffset, f.MessageLength));
                else if (st == SipFrameStatus.KeepAlivePing) outp.Add("PING");
                else if (st == SipFrameStatus.KeepAlivePong) outp.Add("PONG");
                else { outp.Add("FATAL"); return; }
            }
        }

        [Fact]
        public void InviteSplitAtEveryBytePosition()
        {
            string inv = Invite;
            byte[] b = Bytes(inv);
            var m = new SipMessage();
            for (int split = 0; split <= b.Length; split++)
            {
                var f = new SipStreamFramer();
                var got = Drain(f, b, 0, split);
                got.AddRange(Drain(f, b, split, b.Length - split));
                Assert.Single(got);
                Assert.Equal(inv, got[0]);
                Assert.Equal(0, f.Buffered);
            }
            // and parse the framed bytes
            var f2 = new SipStreamFramer();
            f2.Write(b, 0, b.Length);
            Assert.Equal(SipFrameStatus.Message, f2.Next());
            Assert.Equal(SipParseStatus.Ok, m.Parse(f2.Buffer, f2.MessageOffset, f2.MessageLength));
            Assert.Equal(m.ContentLength, m.Body.Length);
        }

        [Fact]
        public void ThreeMessagesAndKeepAlivesInOnePieceAndByteByByte()
        {
            string all = Invite + "\r\n\r\n" + Register + Ok200;
            byte[] b = System.Text.Encoding.Latin1.GetBytes(all);
            var expected = new List<string> { Invite, "PING", Register, Ok200 };
            Assert.Equal(expected, Drain(new SipStreamFramer(), b, 0, b.Length));
            var f = new SipStreamFramer();
            var got = new List<string>();
            for (int i = 0; i < b.Length; i++) got.AddRange(Drain(f, b, i, 1));
            Assert.Equal(expected, got);
            // every split into two pieces
            for (int split = 0; split <= b.Length; split += 7)
            {
                var g = new SipStreamFramer();
                var r = Drain(g, b, 0, split);
                r.AddRange(Drain(g, b, split, b.Length - split));
                Assert.Equal(expected, r);
            }
        }

        [Fact]
        public void PongsAndPings()
        {
            var f = new SipStreamFramer();
            byte[] crlf = { 13, 10 };
            f.Write(crlf, 0, 2);
            Assert.Equal(SipFrameStatus.NeedMoreData, f.Next()); // could be half a ping
            f.Write(crlf, 0, 2);
            Assert.Equal(SipFrameStatus.KeepAlivePing, f.Next());
            f.AwaitingPong = true;
            f.Write(crlf, 0, 2);
            Assert.Equal(SipFrameStatus.KeepAlivePong, f.Next());
            Assert.False(f.AwaitingPong);
            byte[] reg = Bytes("\r\n" + Register);
            f.Write(reg, 0, reg.Length);
            Assert.Equal(SipFrameStatus.KeepAlivePong, f.Next());
            Assert.Equal(SipFrameStatus.Message, f.Next());
            Assert.Equal(SipFrameStatus.NeedMoreData, f.Next());
        }

        [Fact]
        public void MissingContentLengthMeansEmptyBody_CompactL()
        {
            string a = Crlf("OPTIONS sip:x SIP/2.0\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\n\n");
            string c = Crlf("MESSAGE sip:x SIP/2.0\nl : 4\n\n") + "abcd";
            byte[] b = System.Text.Encoding.Latin1.GetBytes(a + c);
            Assert.Equal(new List<string> { a, c }, Drain(new SipStreamFramer(), b, 0, b.Length));
        }

        [Fact]
        public void OversizeAndBadLengthAreFatalAndMemoryIsBounded()
        {
            var f = new SipStreamFramer(1024);
            byte[] big = Bytes("INVITE sip:x SIP/2.0\nContent-Length: 5000\n\n");
            f.Write(big, 0, big.Length);
            Assert.Equal(SipFrameStatus.Fatal, f.Next());
            Assert.Equal(SipError.MessageTooLarge, f.Error);
            Assert.Equal(SipFrameStatus.Fatal, f.Next());

            var g = new SipStreamFramer(1024);
            byte[] junk = new byte[4096];
            for (int i = 0; i < junk.Length; i++) junk[i] = (byte)'a';
            var r = Drain(g, junk, 0, junk.Length);
            Assert.Equal(new List<string> { "FATAL" }, r);
            Assert.Equal(SipError.MessageTooLarge, g.Error);
            Assert.True(g.Buffered <= 1024);

            var h = new SipStreamFramer();
            byte[] bad = Bytes("INVITE sip:x SIP/2.0\nContent-Length: -1\n\n");
            h.Write(bad, 0, bad.Length);
            Assert.Equal(SipFrameStatus.Fatal, h.Next());
            Assert.Equal(SipError.BadContentLength, h.Error);
            h.Reset();
            byte[] ok = Bytes(Register);
            h.Write(ok, 0, ok.Length);
            Assert.Equal(SipFrameStatus.Message, h.Next());
        }

        [Fact]
        public void StreamParseAgreesWithFramer()
        {
            byte[] b = Bytes(Invite);
            var m = new SipMessage();
            for (int n = 0; n < b.Length; n++)
            {
                byte[] copy = (byte[])b.Clone();
                Assert.Equal(SipParseStatus.NeedMoreData, m.ParseStream(copy, 0, n));
            }
            Assert.Equal(SipParseStatus.Ok, m.ParseStream(b, 0, b.Length));
            Assert.Equal(b.Length, m.Length);
        }
    }
}
