// Real-world-style SDP bodies written for these tests, in the shape the named products send
// them (field order, attribute sets, codec lists). Lines are joined with CRLF unless noted.
using System.Text;

namespace Endpoint.Tests.Sdp
{
    internal static class SdpSamples
    {
        public static byte[] Bytes(params string[] lines) => Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n");

        public static string Text(byte[] b, int n) => Encoding.ASCII.GetString(b, 0, n);

        // baresip: opus first, G722, PCMU, PCMA, two telephone-event rates, rtcp-mux, ssrc
        public static readonly string[] Baresip =
        {
            "v=0",
            "o=- 1817195011 2062410834 IN IP4 192.168.1.42",
            "s=-",
            "c=IN IP4 192.168.1.42",
            "t=0 0",
            "a=tool:baresip 3.10.1",
            "m=audio 10466 RTP/AVP 96 9 0 8 101 102",
            "b=AS:64",
            "a=rtpmap:96 opus/48000/2",
            "a=fmtp:96 stereo=1;sprop-stereo=1",
            "a=rtpmap:9 G722/8000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/48000",
            "a=rtpmap:102 telephone-event/8000",
            "a=fmtp:102 0-15",
            "a=rtcp:10467",
            "a=sendrecv",
            "a=label:1",
            "a=ssrc:1234567 cname:2b7a2a1c-7f0e-4d2b",
            "a=rtcp-mux",
            "a=ptime:20",
        };

        // linphone: audio with many codecs and a video stream we do not support
        public static readonly string[] LinphoneWithVideo =
        {
            "v=0",
            "o=alice 3116 1720 IN IP4 10.0.0.5",
            "s=Talk",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
            "a=record:off",
            "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100",
            "a=rtpmap:96 opus/48000/2",
            "a=fmtp:96 useinbandfec=1",
            "a=rtpmap:97 speex/16000",
            "a=fmtp:97 vbr=on",
            "a=rtpmap:98 speex/8000",
            "a=fmtp:98 vbr=on",
            "a=fmtp:18 annexb=yes",
            "a=rtpmap:101 telephone-event/48000",
            "a=rtpmap:99 telephone-event/16000",
            "a=rtpmap:100 telephone-event/8000",
            "a=rtcp-fb:* trr-int 1000",
            "a=rtcp-fb:* ccm tmmbr",
            "m=video 9078 RTP/AVP 96 97",
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:97 H264/90000",
            "a=fmtp:97 profile-level-id=42801F",
            "a=rtcp-fb:* trr-int 1000",
            "a=rtcp-fb:96 nack pli",
        };

        // Asterisk (chan_pjsip): PCMA preferred, GSM, telephone-event 0-16, maxptime
        public static string[] Asterisk(ulong version, string direction, string addr = "203.0.113.10", int port = 16384)
        {
            return new[]
            {
                "v=0",
                "o=- 1234 " + version + " IN IP4 " + addr,
                "s=Asterisk",
                "c=IN IP4 " + addr,
                "t=0 0",
                "m=audio " + port + " RTP/AVP 8 0 3 101",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:3 GSM/8000",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16",
                "a=ptime:20",
                "a=maxptime:150",
                "a=" + direction,
            };
        }

        // SIPp uac.xml: the minimal offer
        public static readonly string[] Sipp =
        {
            "v=0",
            "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
            "s=-",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "m=audio 6000 RTP/AVP 0",
            "a=rtpmap:0 PCMU/8000",
        };

        // pjsip offer after Kamailio + rtpproxy rewrote it: media-level c= only, a=rtcp with address
        public static readonly string[] KamailioProxied =
        {
            "v=0",
            "o=- 3912740455 3912740455 IN IP4 198.51.100.7",
            "s=pjmedia",
            "b=AS:84",
            "t=0 0",
            "a=X-nat:0",
            "m=audio 35000 RTP/AVP 8 0 101",
            "c=IN IP4 198.51.100.7",
            "b=TIAS:64000",
            "a=rtcp:35001 IN IP4 198.51.100.7",
            "a=sendrecv",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-16",
            "a=ssrc:1093405812 cname:5c2a3a2b6e1b4d69",
            "a=nortpproxy:yes",
        };

        public static readonly string[] Ipv6 =
        {
            "v=0",
            "o=- 20518 0 IN IP6 2001:db8::10",
            "s=-",
            "c=IN IP6 2001:db8::10",
            "t=0 0",
            "m=audio 5004 RTP/AVP 0 101",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
        };

        // A gateway that maps PCMU to a dynamic payload type
        public static readonly string[] DynamicPcmu =
        {
            "v=0",
            "o=gw 1 1 IN IP4 192.0.2.50",
            "s=gateway",
            "c=IN IP4 192.0.2.50",
            "t=0 0",
            "m=audio 20000 RTP/AVP 96 97",
            "a=rtpmap:96 PCMU/8000",
            "a=rtpmap:97 telephone-event/8000",
            "a=ptime:30",
        };

        // RFC 2543-style hold: null connection address, no direction attribute
        public static readonly string[] LegacyHold =
        {
            "v=0",
            "o=old 77 78 IN IP4 192.0.2.20",
            "s=-",
            "c=IN IP4 0.0.0.0",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0 8",
        };

        public static readonly string[] NothingInCommon =
        {
            "v=0",
            "o=- 5 5 IN IP4 192.0.2.9",
            "s=-",
            "c=IN IP4 192.0.2.9",
            "t=0 0",
            "m=audio 4000 RTP/AVP 18 96",
            "a=rtpmap:18 G729/8000",
            "a=rtpmap:96 opus/48000/2",
        };

        public static readonly string[] VideoOnly =
        {
            "v=0",
            "o=- 5 5 IN IP4 192.0.2.9",
            "s=-",
            "c=IN IP4 192.0.2.9",
            "t=0 0",
            "m=video 4000 RTP/AVP 96",
            "a=rtpmap:96 H264/90000",
        };

        // best-effort SRTP: an RTP/SAVP line first, then the same audio as RTP/AVP
        public static readonly string[] SavpThenAvp =
        {
            "v=0",
            "o=- 9 9 IN IP4 192.0.2.30",
            "s=-",
            "c=IN IP4 192.0.2.30",
            "t=0 0",
            "m=audio 4010 RTP/SAVP 0 101",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
            "a=rtpmap:101 telephone-event/8000",
            "m=audio 4012 RTP/AVP 0 101",
            "a=rtpmap:101 telephone-event/8000",
        };

        public static readonly string[] TwoAudio =
        {
            "v=0",
            "o=- 9 9 IN IP4 192.0.2.31",
            "s=-",
            "c=IN IP4 192.0.2.31",
            "t=0 0",
            "m=audio 4000 RTP/AVP 8",
            "m=audio 4002 RTP/AVP 0",
            "m=application 5060 udp bfcp",
        };
    }
}
