// Sample SIP messages for the message-layer tests: a realistic INVITE with SDP (about 800 bytes),
// its 200 OK, and a REGISTER with Digest credentials. Lines are written with "\n" and turned into
// CRLF by Crlf().
using System.Text;
using Endpoint.Sip.Message;

namespace Endpoint.Tests.Sip
{
    internal static class SipSamples
    {
        public static string Crlf(string s) => s.Replace("\r\n", "\n").Replace("\n", "\r\n");

        public static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(Crlf(s));

        public static string Text(SipMessage m, Slice s) => SipAscii.ToText(m.Buffer, s);

        public const string SdpBody =
            "v=0\n" +
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\n" +
            "s=-\n" +
            "c=IN IP4 192.0.2.10\n" +
            "t=0 0\n" +
            "m=audio 49170 RTP/AVP 0 8 101\n" +
            "a=rtpmap:0 PCMU/8000\n" +
            "a=rtpmap:8 PCMA/8000\n" +
            "a=rtpmap:101 telephone-event/8000\n" +
            "a=fmtp:101 0-16\n" +
            "a=ptime:20\n" +
            "a=sendrecv\n";

        public static string Invite
        {
            get
            {
                string body = Crlf(SdpBody);
                return Crlf(
                    "INVITE sip:bob@biloxi.example.com SIP/2.0\n" +
                    "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d;rport\n" +
                    "Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=198.51.100.7\n" +
                    "Max-Forwards: 69\n" +
                    "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\n" +
                    "To: Bob <sip:bob@biloxi.example.com>\n" +
                    "Call-ID: 3848276298220188511@atlanta.example.com\n" +
                    "CSeq: 314159 INVITE\n" +
                    "Contact: <sip:alice@192.0.2.10:5060;transport=udp>\n" +
                    "Record-Route: <sip:proxy.atlanta.example.com;lr>\n" +
                    "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\n" +
                    "Supported: replaces, timer\n" +
                    "User-Agent: Endpoint/1.0\n" +
                    "Content-Type: application/sdp\n" +
                    "Content-Length: " + body.Length + "\n" +
                    "\n") + body;
            }
        }

        public static string Ok200
        {
            get
            {
                string body = Crlf(SdpBody.Replace("alice", "bob").Replace("192.0.2.10", "203.0.113.20"));
                return Crlf(
                    "SIP/2.0 200 OK\n" +
                    "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d;rport=5060;received=192.0.2.10\n" +
                    "Via: SIP/2.0/UDP proxy.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=198.51.100.7\n" +
                    "Record-Route: <sip:proxy.atlanta.example.com;lr>\n" +
                    "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=9fxced76sl\n" +
                    "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356\n" +
                    "Call-ID: 3848276298220188511@atlanta.example.com\n" +
                    "CSeq: 314159 INVITE\n" +
                    "Contact: <sip:bob@203.0.113.20:5060>\n" +
                    "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\n" +
                    "Content-Type: application/sdp\n" +
                    "Content-Length: " + body.Length + "\n" +
                    "\n") + body;
            }
        }

        public static string Register => Crlf(
            "REGISTER sip:registrar.example.com SIP/2.0\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;rport\n" +
            "Max-Forwards: 70\n" +
            "From: <sip:alice@example.com>;tag=a73kszlfl\n" +
            "To: <sip:alice@example.com>\n" +
            "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\n" +
            "CSeq: 2 REGISTER\n" +
            "Contact: <sip:alice@192.0.2.10:5060>;expires=3600\n" +
            "Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\", " +
            "uri=\"sip:registrar.example.com\", response=\"dfe56131d1958046689d83306477ecc\", algorithm=MD5, " +
            "cnonce=\"0a4f113b\", qop=auth, nc=00000001, opaque=\"\"\n" +
            "Expires: 3600\n" +
            "User-Agent: Endpoint/1.0\n" +
            "Content-Length: 0\n" +
            "\n");
    }
}
