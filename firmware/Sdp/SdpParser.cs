// SDP parser (RFC 8866) into a preallocated SdpSession. Reads a byte range (CRLF or bare LF line
// ends, trailing blanks tolerated), checks the structural lines strictly (v=0 first, o= with six
// fields, c=, t=, m=) and is lenient with attributes: malformed or unknown a= lines and unknown
// line types are ignored, never fatal. Returns an SdpStatus and sets SdpSession.ErrorLine; never
// throws on bad input. Bounded: SdpLimits.MaxLineLength per line, SdpLimits.MaxMedia m= lines,
// SdpLimits.MaxFormats formats per m= line (extra formats dropped and counted).
// Depends on SdpSession/SdpMedia/SdpConnection/SdpText. Knows nothing of SIP, RTP or codecs.
namespace Endpoint.Sdp
{
    /// <summary>Parses SDP bodies.</summary>
    public static class SdpParser
    {
        /// <summary>
        /// Parses buf[offset, offset+count) into <paramref name="into"/> (reset first).
        /// </summary>
        public static SdpStatus Parse(byte[] buf, int offset, int count, SdpSession into)
        {
            if (into == null) throw new System.ArgumentNullException("into");
            into.Reset();
            if (buf == null || count <= 0) return SdpStatus.Empty;
            if (offset < 0 || count > buf.Length - offset) throw new System.ArgumentOutOfRangeException("count");

            int pos = offset, end = offset + count, lineNo = 0;
            bool sawOrigin = false;
            SdpMedia media = null;
            while (pos < end)
            {
                int nl = SdpText.IndexOf(buf, pos, end, (byte)'\n');
                int lineEnd = nl < 0 ? end : nl;
                int next = nl < 0 ? end : nl + 1;
                int stop = lineEnd;
                while (stop > pos && (buf[stop - 1] == (byte)'\r' || buf[stop - 1] == (byte)' ' || buf[stop - 1] == (byte)'\t')) stop--;
                int start = pos;
                pos = next;
                if (stop == start) continue;
                lineNo++;
                if (stop - start > SdpLimits.MaxLineLength) return Fail(into, SdpStatus.LineTooLong, lineNo);
                if (stop - start < 2 || buf[start + 1] != (byte)'=') return Fail(into, SdpStatus.MalformedLine, lineNo);
                byte type = buf[start];
                int v = start + 2;
                if (lineNo == 1)
                {
                    if (type != (byte)'v' || !SdpText.EqualsAscii(buf, v, stop - v, "0")) return Fail(into, SdpStatus.BadVersion, lineNo);
                    continue;
                }
                SdpStatus st = SdpStatus.Ok;
                switch ((char)type)
                {
                    case 'v':
                        st = SdpStatus.BadVersion;
                        break;
                    case 'o':
                        if (media == null && !sawOrigin)
                        {
                            st = ParseOrigin(buf, v, stop, into);
                            sawOrigin = true;
                        }
                        break;
                    case 's':
                        if (media == null) into.SessionName = SdpText.Str(buf, v, stop - v);
                        break;
                    case 'c':
                        st = ParseConnection(buf, v, stop, media != null ? media.Connection : into.Connection);
                        break;
                    case 't':
                        if (media == null) st = ParseTiming(buf, v, stop, into);
                        break;
                    case 'm':
                        if (!sawOrigin) return Fail(into, SdpStatus.MissingOrigin, lineNo);
                        media = into.AddMedia();
                        if (media == null) return Fail(into, SdpStatus.TooManyMedia, lineNo);
                        st = ParseMedia(buf, v, stop, media);
                        break;
                    case 'a':
                        ParseAttribute(buf, v, stop, into, media);
                        break;
                    default:
                        break; // i, u, e, p, b, r, z, k and unknown types: ignored
                }
                if (st != SdpStatus.Ok) return Fail(into, st, lineNo);
            }
            if (lineNo == 0) return SdpStatus.Empty;
            if (!sawOrigin) return Fail(into, SdpStatus.MissingOrigin, lineNo);
            return SdpStatus.Ok;
        }

        private static SdpStatus Fail(SdpSession s, SdpStatus st, int line)
        {
            s.ErrorLine = line;
            return st;
        }

        private static SdpStatus ParseOrigin(byte[] b, int pos, int end, SdpSession s)
        {
            int o1, l1, o2, l2, o3, l3, o4, l4, o5, l5, o6, l6;
            if (!SdpText.NextToken(b, ref pos, end, out o1, out l1) || !SdpText.NextToken(b, ref pos, end, out o2, out l2)
                || !SdpText.NextToken(b, ref pos, end, out o3, out l3) || !SdpText.NextToken(b, ref pos, end, out o4, out l4)
                || !SdpText.NextToken(b, ref pos, end, out o5, out l5) || !SdpText.NextToken(b, ref pos, end, out o6, out l6))
            {
                return SdpStatus.BadOrigin;
            }
            ulong version;
            if (!SdpText.TryParseNumber(b, o3, l3, ulong.MaxValue, out version)) return SdpStatus.BadOrigin;
            if (!SdpText.EqualsAscii(b, o4, l4, "IN")) return SdpStatus.BadOrigin;
            s.OriginUser = SdpText.Str(b, o1, l1);
            s.OriginSessionId = SdpText.Str(b, o2, l2);
            s.OriginVersion = version;
            s.OriginIpv6 = SdpText.EqualsAscii(b, o5, l5, "IP6");
            s.OriginAddress = SdpText.Str(b, o6, l6);
            return SdpStatus.Ok;
        }

        private static SdpStatus ParseConnection(byte[] b, int pos, int end, SdpConnection c)
        {
            int o1, l1, o2, l2, o3, l3;
            if (!SdpText.NextToken(b, ref pos, end, out o1, out l1) || !SdpText.NextToken(b, ref pos, end, out o2, out l2)
                || !SdpText.NextToken(b, ref pos, end, out o3, out l3))
            {
                return SdpStatus.BadConnection;
            }
            if (!SdpText.EqualsAscii(b, o1, l1, "IN")) return SdpStatus.BadConnection;
            bool v6;
            if (SdpText.EqualsAscii(b, o2, l2, "IP4")) v6 = false;
            else if (SdpText.EqualsAscii(b, o2, l2, "IP6")) v6 = true;
            else return SdpStatus.BadConnection;
            int slash = SdpText.IndexOf(b, o3, o3 + l3, (byte)'/');
            if (slash >= 0) l3 = slash - o3;
            if (l3 <= 0) return SdpStatus.BadConnection;
            c.Set(v6, SdpText.Str(b, o3, l3));
            return SdpStatus.Ok;
        }

        private static SdpStatus ParseTiming(byte[] b, int pos, int end, SdpSession s)
        {
            int o1, l1, o2, l2;
            ulong start, stop;
            if (!SdpText.NextToken(b, ref pos, end, out o1, out l1) || !SdpText.NextToken(b, ref pos, end, out o2, out l2)
                || !SdpText.TryParseNumber(b, o1, l1, ulong.MaxValue, out start) || !SdpText.TryParseNumber(b, o2, l2, ulong.MaxValue, out stop))
            {
                return SdpStatus.BadTiming;
            }
            s.TimeStart = start;
            s.TimeStop = stop;
            return SdpStatus.Ok;
        }

        private static SdpStatus ParseMedia(byte[] b, int pos, int end, SdpMedia m)
        {
            int o1, l1, o2, l2, o3, l3;
            if (!SdpText.NextToken(b, ref pos, end, out o1, out l1) || !SdpText.NextToken(b, ref pos, end, out o2, out l2)
                || !SdpText.NextToken(b, ref pos, end, out o3, out l3))
            {
                return SdpStatus.BadMedia;
            }
            m.Type = SdpText.Str(b, o1, l1);
            int slash = SdpText.IndexOf(b, o2, o2 + l2, (byte)'/');
            int portLen = slash < 0 ? l2 : slash - o2;
            int port;
            if (!SdpText.TryParseInt(b, o2, portLen, 65535, out port)) return SdpStatus.BadMedia;
            m.Port = port;
            if (slash >= 0)
            {
                int n;
                if (!SdpText.TryParseInt(b, slash + 1, o2 + l2 - slash - 1, 65535, out n) || n < 1) return SdpStatus.BadMedia;
                m.PortCount = n;
            }
            m.Proto = SdpText.Str(b, o3, l3);
            while (pos < end && (b[pos] == (byte)' ' || b[pos] == (byte)'\t')) pos++;
            m.FormatText = SdpText.Str(b, pos, end - pos);
            if (!m.IsRtp) return SdpStatus.Ok;
            int fo, fl;
            while (SdpText.NextToken(b, ref pos, end, out fo, out fl))
            {
                int pt;
                if (!SdpText.TryParseInt(b, fo, fl, 127, out pt)) return SdpStatus.BadMedia;
                if (m.IndexOfFormat(pt) >= 0) continue;
                if (!m.AddFormat(pt, null, 0, null)) m.FormatsDropped++;
            }
            return SdpStatus.Ok;
        }

        private static void ParseAttribute(byte[] b, int pos, int end, SdpSession s, SdpMedia m)
        {
            int colon = SdpText.IndexOf(b, pos, end, (byte)':');
            int nameEnd = colon < 0 ? end : colon;
            int nameLen = nameEnd - pos;
            int val = colon < 0 ? end : colon + 1;
            if (colon < 0)
            {
                int d = -1;
                if (SdpText.EqualsAscii(b, pos, nameLen, "sendrecv")) d = (int)SdpDirection.SendRecv;
                else if (SdpText.EqualsAscii(b, pos, nameLen, "sendonly")) d = (int)SdpDirection.SendOnly;
                else if (SdpText.EqualsAscii(b, pos, nameLen, "recvonly")) d = (int)SdpDirection.RecvOnly;
                else if (SdpText.EqualsAscii(b, pos, nameLen, "inactive")) d = (int)SdpDirection.Inactive;
                if (d < 0) return;
                if (m != null)
                {
                    m.Direction = (SdpDirection)d;
                    m.DirectionSet = true;
                }
                else
                {
                    s.Direction = (SdpDirection)d;
                    s.DirectionSet = true;
                }
                return;
            }
            if (m == null) return; // no session-level valued attribute is used
            if (SdpText.EqualsAscii(b, pos, nameLen, "rtpmap")) ParseRtpmap(b, val, end, m);
            else if (SdpText.EqualsAscii(b, pos, nameLen, "fmtp")) ParseFmtp(b, val, end, m);
            else if (SdpText.EqualsAscii(b, pos, nameLen, "ptime")) m.Ptime = SdpText.LeadingInt(b, val, end - val);
            else if (SdpText.EqualsAscii(b, pos, nameLen, "maxptime")) m.MaxPtime = SdpText.LeadingInt(b, val, end - val);
            else if (SdpText.EqualsAscii(b, pos, nameLen, "rtcp")) ParseRtcp(b, val, end, m);
        }

        // a=rtpmap:<pt> <name>/<rate>[/<channels>]
        private static void ParseRtpmap(byte[] b, int pos, int end, SdpMedia m)
        {
            int po, pl, eo, el;
            int pt;
            if (!SdpText.NextToken(b, ref pos, end, out po, out pl) || !SdpText.TryParseInt(b, po, pl, 127, out pt)) return;
            if (!SdpText.NextToken(b, ref pos, end, out eo, out el)) return;
            int idx = m.IndexOfFormat(pt);
            if (idx < 0) return;
            int s1 = SdpText.IndexOf(b, eo, eo + el, (byte)'/');
            if (s1 <= eo) return;
            int rateStart = s1 + 1;
            int s2 = SdpText.IndexOf(b, rateStart, eo + el, (byte)'/');
            int rateEnd = s2 < 0 ? eo + el : s2;
            int rate;
            if (!SdpText.TryParseInt(b, rateStart, rateEnd - rateStart, 10000000, out rate)) return;
            int channels = 1;
            if (s2 >= 0 && !SdpText.TryParseInt(b, s2 + 1, eo + el - s2 - 1, 255, out channels)) return;
            m.EncodingName[idx] = SdpText.Str(b, eo, s1 - eo);
            m.ClockRate[idx] = rate;
            m.Channels[idx] = channels;
        }

        // a=fmtp:<pt> <parameters>
        private static void ParseFmtp(byte[] b, int pos, int end, SdpMedia m)
        {
            int po, pl;
            int pt;
            if (!SdpText.NextToken(b, ref pos, end, out po, out pl) || !SdpText.TryParseInt(b, po, pl, 127, out pt)) return;
            int idx = m.IndexOfFormat(pt);
            if (idx < 0) return;
            while (pos < end && (b[pos] == (byte)' ' || b[pos] == (byte)'\t')) pos++;
            m.Fmtp[idx] = SdpText.Str(b, pos, end - pos);
        }

        // a=rtcp:<port> [IN IP4 <address>]
        private static void ParseRtcp(byte[] b, int pos, int end, SdpMedia m)
        {
            int po, pl;
            int port;
            if (!SdpText.NextToken(b, ref pos, end, out po, out pl) || !SdpText.TryParseInt(b, po, pl, 65535, out port)) return;
            m.RtcpPort = port;
            int o1, l1, o2, l2, o3, l3;
            if (SdpText.NextToken(b, ref pos, end, out o1, out l1) && SdpText.NextToken(b, ref pos, end, out o2, out l2)
                && SdpText.NextToken(b, ref pos, end, out o3, out l3))
            {
                m.RtcpAddress = SdpText.Str(b, o3, l3);
            }
        }
    }
}
