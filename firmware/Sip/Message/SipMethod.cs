// SIP request methods (RFC 3261 §7.1, §27.4 and the extension RFCs 3262 PRACK, 3265/6665
// SUBSCRIBE/NOTIFY, 3311 UPDATE, 3428 MESSAGE, 3515 REFER, 3903 PUBLISH, 6086 INFO).
// Depends on Slice, SipAscii. Method tokens are case-sensitive (RFC 3261 §7.1): "invite" is an
// unknown (extension) method, not INVITE.
namespace Endpoint.Sip.Message
{
    /// <summary>Known SIP methods; Unknown carries its text as a slice elsewhere.</summary>
    public enum SipMethod
    {
        /// <summary>An extension method not in this list (or none).</summary>
        Unknown = 0,
        Invite, Ack, Bye, Cancel, Options, Register, Message, Info, Update, Prack, Subscribe, Notify, Refer, Publish,
    }

    /// <summary>Method tokens and lookup.</summary>
    public static class SipMethods
    {
        /// <summary>Canonical names indexed by (int)SipMethod.</summary>
        public static readonly string[] Names =
        {
            "", "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE", "INFO", "UPDATE", "PRACK",
            "SUBSCRIBE", "NOTIFY", "REFER", "PUBLISH",
        };

        /// <summary>Canonical name bytes indexed by (int)SipMethod.</summary>
        public static readonly byte[][] Tokens = BuildTokens();

        private static byte[][] BuildTokens()
        {
            byte[][] t = new byte[Names.Length][];
            for (int i = 0; i < t.Length; i++) t[i] = SipAscii.Bytes(Names[i]);
            return t;
        }

        /// <summary>Name of a method (empty for Unknown).</summary>
        public static string Name(SipMethod m)
        {
            int i = (int)m;
            return i >= 0 && i < Names.Length ? Names[i] : "";
        }

        /// <summary>Looks a method token up (case-sensitive). Returns Unknown for extensions.</summary>
        public static SipMethod Parse(byte[] buf, Slice s)
        {
            if (s.Length < 3 || s.Length > 9) return SipMethod.Unknown;
            int from, to;
            switch (buf[s.Start])
            {
                case (byte)'I': from = (int)SipMethod.Invite; to = (int)SipMethod.Info; break;
                case (byte)'A': from = to = (int)SipMethod.Ack; break;
                case (byte)'B': from = to = (int)SipMethod.Bye; break;
                case (byte)'C': from = to = (int)SipMethod.Cancel; break;
                case (byte)'O': from = to = (int)SipMethod.Options; break;
                case (byte)'R': from = (int)SipMethod.Register; to = (int)SipMethod.Refer; break;
                case (byte)'M': from = to = (int)SipMethod.Message; break;
                case (byte)'U': from = to = (int)SipMethod.Update; break;
                case (byte)'P': from = (int)SipMethod.Prack; to = (int)SipMethod.Publish; break;
                case (byte)'S': from = to = (int)SipMethod.Subscribe; break;
                case (byte)'N': from = to = (int)SipMethod.Notify; break;
                default: return SipMethod.Unknown;
            }
            for (int m = from; m <= to; m++)
            {
                if (SipAscii.EqualsExact(buf, s, Tokens[m])) return (SipMethod)m;
            }
            return SipMethod.Unknown;
        }
    }
}
