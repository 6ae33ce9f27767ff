// Session timers (RFC 4028) as this UA uses them: honoured when the peer asks, never imposed.
// Parses Session-Expires ("delta-seconds;refresher=uac|uas") and Min-SE, decides who refreshes
// for a given transaction (the refresher parameter names a role of THAT transaction), and keeps
// the two deadlines of a call: when we must send a refresh (half the interval, §10) and when the
// session is considered dead without one (interval minus min(32 s, interval/3), §10) so that
// the UA sends BYE. Depends on Endpoint.Sip.Message. Allocation-free; times in ms.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Ua
{
    /// <summary>Who the refresher parameter names.</summary>
    public enum SessionRefresher
    {
        /// <summary>No refresher parameter.</summary>
        None = 0,
        /// <summary>The UAC of the transaction refreshes.</summary>
        Uac,
        /// <summary>The UAS of the transaction refreshes.</summary>
        Uas,
    }

    /// <summary>Session timer state of one call.</summary>
    public sealed class SessionTimer
    {
        /// <summary>No deadline.</summary>
        public const long Never = long.MaxValue;

        /// <summary>Negotiated session interval in seconds, 0 when no session timer runs.</summary>
        public int IntervalSeconds;
        /// <summary>True if we must send the refreshes.</summary>
        public bool WeRefresh;
        /// <summary>When to send the next refresh (ms), or Never.</summary>
        public long RefreshAt = Never;
        /// <summary>When to give up on the session and send BYE (ms), or Never.</summary>
        public long ExpireAt = Never;

        /// <summary>True while a session timer runs.</summary>
        public bool Active { get { return IntervalSeconds > 0; } }

        /// <summary>Stops the timer.</summary>
        public void Stop()
        {
            IntervalSeconds = 0;
            WeRefresh = false;
            RefreshAt = Never;
            ExpireAt = Never;
        }

        /// <summary>(Re)starts the timer after a successful INVITE/re-INVITE (a refresh, §10).</summary>
        public void Start(int intervalSeconds, bool weRefresh, long nowMs)
        {
            if (intervalSeconds <= 0) { Stop(); return; }
            IntervalSeconds = intervalSeconds;
            WeRefresh = weRefresh;
            long interval = (long)intervalSeconds * 1000;
            if (weRefresh)
            {
                RefreshAt = nowMs + interval / 2;
                ExpireAt = nowMs + interval;
            }
            else
            {
                long margin = intervalSeconds / 3 < 32 ? intervalSeconds / 3 : 32;
                RefreshAt = Never;
                ExpireAt = nowMs + interval - margin * 1000;
            }
        }

        /// <summary>Earliest deadline.</summary>
        public long NextDeadline { get { return RefreshAt < ExpireAt ? RefreshAt : ExpireAt; } }

        /// <summary>
        /// Reads Session-Expires from <paramref name="m"/>: false when absent or malformed;
        /// otherwise the interval in seconds and the refresher parameter.
        /// </summary>
        public static bool ParseSessionExpires(SipMessage m, out int seconds, out SessionRefresher refresher)
        {
            seconds = 0;
            refresher = SessionRefresher.None;
            int i = m.FindHeader(SipHeaderId.SessionExpires);
            if (i < 0) return false;
            byte[] b = m.Buffer;
            Slice v = m.GetHeaderValue(i);
            int semi = SipAscii.IndexOf(b, (byte)';', v.Start, v.End);
            Slice num = SipAscii.Trim(b, Slice.FromTo(v.Start, semi < 0 ? v.End : semi));
            long n = SipAscii.ParseNumber(b, num, 0x7FFFFFFF);
            if (n <= 0) return false;
            seconds = (int)n;
            if (semi >= 0)
            {
                Slice r;
                if (SipParamIterator.TryGet(b, Slice.FromTo(semi, v.End), UaText.Refresher, out r))
                {
                    if (SipAscii.EqualsIgnoreCase(b, r, UaText.Uac)) refresher = SessionRefresher.Uac;
                    else if (SipAscii.EqualsIgnoreCase(b, r, UaText.Uas)) refresher = SessionRefresher.Uas;
                }
            }
            return true;
        }

        /// <summary>Min-SE in seconds, or 0 when absent or malformed.</summary>
        public static int ParseMinSE(SipMessage m)
        {
            int i = m.FindHeader(SipHeaderId.MinSE);
            if (i < 0) return 0;
            byte[] b = m.Buffer;
            Slice v = m.GetHeaderValue(i);
            int semi = SipAscii.IndexOf(b, (byte)';', v.Start, v.End);
            long n = SipAscii.ParseNumber(b, SipAscii.Trim(b, Slice.FromTo(v.Start, semi < 0 ? v.End : semi)), 0x7FFFFFFF);
            return n > 0 ? (int)n : 0;
        }

        /// <summary>True if a list header (Supported, Require) of <paramref name="m"/> contains "timer".</summary>
        public static bool HasTimerOption(SipMessage m, SipHeaderId header)
        {
            byte[] b = m.Buffer;
            for (int i = m.FindHeader(header, 0); i >= 0; i = m.FindHeader(header, i + 1))
            {
                if (SipAscii.EqualsIgnoreCase(b, m.GetHeaderValue(i), UaText.Timer)) return true;
            }
            return false;
        }
    }
}
