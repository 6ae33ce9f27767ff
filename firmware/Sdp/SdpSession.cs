// A whole SDP session description (RFC 8866): v=, o=, s=, session-level c=, t=, session-level
// direction, and up to SdpLimits.MaxMedia media descriptions held in SdpMedia objects that
// are created when a slot is first used and reused after (Reset keeps them), so a session
// with one m= line holds one. Depends on SdpMedia, SdpConnection, SdpDirection.
namespace Endpoint.Sdp
{
    /// <summary>A parsed or to-be-written session description.</summary>
    public sealed class SdpSession
    {
        /// <summary>o= username ("-" when none).</summary>
        public string OriginUser;

        /// <summary>o= sess-id as written (a numeric string).</summary>
        public string OriginSessionId;

        /// <summary>o= sess-version.</summary>
        public ulong OriginVersion;

        /// <summary>o= address type is IP6.</summary>
        public bool OriginIpv6;

        /// <summary>o= unicast address.</summary>
        public string OriginAddress;

        /// <summary>s= text.</summary>
        public string SessionName;

        /// <summary>Session-level connection.</summary>
        public readonly SdpConnection Connection = new SdpConnection();

        /// <summary>t= start time (0 for unbounded).</summary>
        public ulong TimeStart;

        /// <summary>t= stop time (0 for unbounded).</summary>
        public ulong TimeStop;

        /// <summary>Session-level direction, valid when <see cref="DirectionSet"/>.</summary>
        public SdpDirection Direction;

        /// <summary>True when a direction attribute was given at session level.</summary>
        public bool DirectionSet;

        /// <summary>The media descriptions; the first <see cref="MediaCount"/> are valid (later slots may be null).</summary>
        public readonly SdpMedia[] Media = new SdpMedia[SdpLimits.MaxMedia];

        /// <summary>Number of valid media descriptions.</summary>
        public int MediaCount;

        /// <summary>After a failed parse: the 1-based line number of the offending line, else 0.</summary>
        public int ErrorLine;

        /// <summary>Creates an empty description (media slots are created by <see cref="AddMedia"/>).</summary>
        public SdpSession()
        {
            Reset();
        }

        /// <summary>Clears every field (media slots are kept and reset).</summary>
        public void Reset()
        {
            OriginUser = null;
            OriginSessionId = null;
            OriginVersion = 0;
            OriginIpv6 = false;
            OriginAddress = null;
            SessionName = null;
            Connection.Reset();
            TimeStart = 0;
            TimeStop = 0;
            Direction = SdpDirection.SendRecv;
            DirectionSet = false;
            for (int i = 0; i < MediaCount && i < Media.Length; i++) Media[i].Reset();
            MediaCount = 0;
            ErrorLine = 0;
        }

        /// <summary>Takes the next free media slot (reset; created on its first use), or null when all are used.</summary>
        public SdpMedia AddMedia()
        {
            if (MediaCount >= Media.Length) return null;
            SdpMedia m = Media[MediaCount];
            if (m == null) Media[MediaCount] = m = new SdpMedia();
            else m.Reset();
            MediaCount++;
            return m;
        }
    }
}
