// name-addr / addr-spec values of From, To, Contact, Route, Record-Route, Refer-To, Reply-To
// (RFC 3261 §20.10, §25.1): optional display name (quoted-string with escapes, or tokens), the URI
// in <...> or bare, then header parameters (tag, expires, q ...). For a bare addr-spec, every
// ";param" belongs to the header, not the URI (§20.10). Depends on Slice, SipAscii, SipEscape,
// SipUri, SipParamIterator, SipError. Allocation-free.
namespace Endpoint.Sip.Message
{
    /// <summary>A parsed name-addr or addr-spec with its header parameters.</summary>
    public struct SipNameAddr
    {
        /// <summary>Display name; for a quoted one, the text between the quotes (escapes kept).</summary>
        public Slice DisplayName;
        /// <summary>True if the display name was a quoted-string.</summary>
        public bool DisplayNameQuoted;
        /// <summary>True if the URI was in angle brackets.</summary>
        public bool Angle;
        /// <summary>The parsed URI (Uri.Raw is its text without brackets).</summary>
        public SipUri Uri;
        /// <summary>Header parameters, starting at the first ';' (empty if none).</summary>
        public Slice Params;
        /// <summary>Value of the tag parameter.</summary>
        public Slice Tag;
        /// <summary>True if a tag parameter is present.</summary>
        public bool HasTag;

        private static readonly byte[] _tag = SipAscii.Bytes("tag");

        /// <summary>Finds a header parameter by lowercase name.</summary>
        public bool TryGetParam(byte[] buf, byte[] lowerName, out Slice value)
        {
            return SipParamIterator.TryGet(buf, Params, lowerName, out value);
        }

        /// <summary>
        /// Parses one name-addr/addr-spec value. Returns SipError.None, UnterminatedQuote,
        /// UnterminatedAngle, or BadHeaderLine (bad URI or parameters).
        /// </summary>
        public static SipError Parse(byte[] buf, Slice value, out SipNameAddr na)
        {
            na = new SipNameAddr();
            int i = SipAscii.SkipWs(buf, value.Start, value.End);
            int end = value.End;
            while (end > i && SipAscii.IsWs(buf[end - 1])) end--;
            if (i >= end) return SipError.BadHeaderLine;
            int lt = -1;
            if (buf[i] == (byte)'"')
            {
                int q = SipEscape.SkipQuoted(buf, i, end);
                if (q < 0) return SipError.UnterminatedQuote;
                na.DisplayName = new Slice(i + 1, q - i - 2);
                na.DisplayNameQuoted = true;
                i = SipAscii.SkipWs(buf, q, end);
                if (i >= end || buf[i] != (byte)'<') return SipError.BadHeaderLine;
                lt = i;
            }
            else
            {
                for (int k = i; k < end; k++)
                {
                    byte c = buf[k];
                    if (c == (byte)'<') { lt = k; break; }
                    if (c == (byte)';' || c == (byte)'>' || c == (byte)'"') break;
                }
                if (lt >= 0)
                {
                    Slice dn = SipAscii.Trim(buf, Slice.FromTo(i, lt));
                    for (int k = dn.Start; k < dn.End; k++)
                    {
                        if (!SipAscii.IsToken(buf[k]) && !SipAscii.IsWs(buf[k])) return SipError.BadHeaderLine;
                    }
                    na.DisplayName = dn;
                }
            }
            Slice uriText;
            int after;
            if (lt >= 0)
            {
                int gt = SipAscii.IndexOf(buf, (byte)'>', lt + 1, end);
                if (gt < 0) return SipError.UnterminatedAngle;
                na.Angle = true;
                uriText = SipAscii.Trim(buf, Slice.FromTo(lt + 1, gt));
                after = SipAscii.SkipWs(buf, gt + 1, end);
            }
            else
            {
                int k = i;
                while (k < end && buf[k] != (byte)';' && !SipAscii.IsWs(buf[k])) k++;
                uriText = Slice.FromTo(i, k);
                after = SipAscii.SkipWs(buf, k, end);
            }
            if (!SipUri.TryParse(buf, uriText, out na.Uri)) return SipError.BadHeaderLine;
            if (after < end)
            {
                if (buf[after] != (byte)';') return SipError.BadHeaderLine;
                na.Params = Slice.FromTo(after, end);
                SipParamIterator it = new SipParamIterator(buf, na.Params);
                Slice n, v;
                bool hv;
                while (it.Next(out n, out v, out hv))
                {
                    if (!na.HasTag && SipAscii.EqualsIgnoreCase(buf, n, _tag))
                    {
                        na.HasTag = true;
                        na.Tag = v;
                    }
                }
                if (it.Error) return SipError.BadHeaderLine;
                if (na.HasTag && na.Tag.Length == 0) return SipError.BadHeaderLine;
            }
            return SipError.None;
        }
    }
}
