// DTMF digit <-> RFC 4733 event code mapping (RFC 4733 section 3.2: 0-9, 10 = '*', 11 = '#',
// 12-15 = 'A'-'D'), the digit sink interface every DTMF source reports to, and the source tag.
// Depends on nothing.
namespace Endpoint.Media.Dtmf
{
    /// <summary>Where a reported digit came from.</summary>
    public enum DtmfSource
    {
        /// <summary>RTP telephone-event (RFC 4733).</summary>
        Rfc4733 = 0,
        /// <summary>SIP INFO body (application/dtmf-relay or application/dtmf).</summary>
        SipInfo = 1,
        /// <summary>Detected in the audio (Goertzel).</summary>
        InBand = 2,
    }

    /// <summary>Receives detected DTMF digits. Called on the thread that feeds the detector/receiver.</summary>
    public interface IDigitSink
    {
        /// <summary>A digit ('0'-'9', '*', '#', 'A'-'D') was recognised once.</summary>
        /// <param name="digit">The digit.</param>
        /// <param name="durationMs">Its duration so far or in total, ms (0 when unknown).</param>
        /// <param name="source">Which path reported it.</param>
        void OnDigit(char digit, int durationMs, DtmfSource source);
    }

    /// <summary>Digit/event code mapping.</summary>
    public static class DtmfEvents
    {
        private const string Chars = "0123456789*#ABCD";

        /// <summary>Event code 0..15 for a digit (letters in either case), or -1.</summary>
        public static int FromChar(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c == '*') return 10;
            if (c == '#') return 11;
            if (c >= 'A' && c <= 'D') return 12 + (c - 'A');
            if (c >= 'a' && c <= 'd') return 12 + (c - 'a');
            return -1;
        }

        /// <summary>Digit for event code 0..15, or '\0'.</summary>
        public static char ToChar(int code)
        {
            return code >= 0 && code < 16 ? Chars[code] : '\0';
        }
    }
}
