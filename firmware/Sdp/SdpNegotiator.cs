// SDP offer/answer engine (RFC 3264) for a single-audio-stream phone: builds our offers, answers
// peer offers and processes answers to our offers, producing an SdpMediaResult for the media
// layer. Rules implemented:
//  - offer: one audio m= line, RTP/AVP, codecs in SdpConfig order plus telephone-event; a
//    re-offer keeps the m= line count and order of the session (RFC 3264 section 8), rejected
//    lines stay at port 0; o= sess-version grows by one with every SDP we send (section 8).
//  - answer: first usable audio RTP/AVP line is accepted, every other line answered with port 0
//    (section 6); the codec is the first one in the offerer's order that we support, static
//    PTs known by number, dynamic ones by rtpmap (e.g. PCMU on PT 96); telephone-event echoed at
//    the offerer's PT; direction per section 6.1; nothing in common -> NotAcceptable (488).
//  - hold: a=sendonly/a=inactive or c=0.0.0.0 (RFC 2543) from the peer; LocalHold makes our
//    next SDP sendonly (inactive falls out of the answer rules when both hold).
//  - changes of address/port/codec/direction/ptime against the previous result are flagged.
// Memory: a negotiator keeps only its config, the last SDP it sent and the current result; the
// parse/build scratch lives in an SdpWorkspace that the negotiators of one thread may share.
// Sans-IO: bytes in, bytes out into caller buffers. Depends on the Endpoint.Sdp model, parser
// and writer only; knows nothing of SIP transactions, RTP or codecs. Not thread-safe.
namespace Endpoint.Sdp
{
    /// <summary>One call's SDP offer/answer state.</summary>
    public sealed class SdpNegotiator
    {
        private readonly SdpConfig _config;
        private readonly SdpWorkspace _work;
        private readonly SdpMediaResult _result = new SdpMediaResult();
        private SdpSession _local = new SdpSession();
        private ulong _nextVersion;
        private bool _offerPending;
        private bool _negotiated;
        private bool _sentAny;
        private int _offerAudioIndex = -1;
        private int _errorLine;

        /// <summary>Creates the engine for one call with the given local capabilities and its own scratch.</summary>
        public SdpNegotiator(SdpConfig config) : this(config, null) { }

        /// <summary>
        /// Creates the engine for one call using <paramref name="workspace"/> as scratch (shared by
        /// the negotiators of one thread; null makes a private one).
        /// </summary>
        public SdpNegotiator(SdpConfig config, SdpWorkspace workspace)
        {
            if (config == null) throw new System.ArgumentNullException("config");
            _config = config;
            _work = workspace != null ? workspace : new SdpWorkspace();
            Reset();
        }

        /// <summary>Local capabilities (may be edited between exchanges, e.g. a new address).</summary>
        public SdpConfig Config { get { return _config; } }

        /// <summary>The current negotiated media parameters (Active false until the first exchange completes).</summary>
        public SdpMediaResult Result { get { return _result; } }

        /// <summary>The last SDP we sent (offer or answer); empty before the first.</summary>
        public SdpSession LocalDescription { get { return _local; } }

        /// <summary>True while an offer of ours awaits its answer.</summary>
        public bool OfferPending { get { return _offerPending; } }

        /// <summary>True once an offer/answer exchange has completed.</summary>
        public bool Negotiated { get { return _negotiated; } }

        /// <summary>Line number of the last parse error (0 when none).</summary>
        public int ErrorLine { get { return _errorLine; } }

        /// <summary>o= sess-version of the last SDP we sent (0 before the first).</summary>
        public ulong LastSentVersion { get { return _sentAny ? _nextVersion - 1 : 0; } }

        /// <summary>
        /// When true our next offer or answer declares hold (sendonly); set it, then send a
        /// re-INVITE with <see cref="CreateOffer"/>. Clear it and re-offer to resume.
        /// </summary>
        public bool LocalHold { get; set; }

        /// <summary>Forgets everything (new call). Keeps the config.</summary>
        public void Reset()
        {
            _local.Reset();
            _result.Reset();
            _nextVersion = _config.InitialVersion;
            _offerPending = false;
            _negotiated = false;
            _sentAny = false;
            _offerAudioIndex = -1;
            _errorLine = 0;
            LocalHold = false;
        }

        /// <summary>
        /// Writes a new offer into dst. Ok marks the offer pending until <see cref="ReceiveAnswer"/>
        /// or <see cref="CancelOffer"/>; BufferTooSmall changes nothing.
        /// </summary>
        public SdpStatus CreateOffer(byte[] dst, int offset, int capacity, out int written)
        {
            SdpSession s = _work.Build;
            s.Reset();
            FillSessionLevel(s);
            int audio = 0;
            if (_negotiated && _local.MediaCount > 0)
            {
                audio = _result.Active ? _result.MediaIndex : FirstAudioSlot(_local);
                for (int i = 0; i < _local.MediaCount; i++)
                {
                    SdpMedia m = s.AddMedia();
                    if (i == audio) FillOfferAudio(m);
                    else CopyRejected(_local.Media[i], m);
                }
            }
            else
            {
                FillOfferAudio(s.AddMedia());
            }
            SdpStatus st = _work.Writer.Write(s, dst, offset, capacity, out written);
            if (st != SdpStatus.Ok) return st;
            CommitLocal();
            _offerPending = true;
            _offerAudioIndex = audio;
            return SdpStatus.Ok;
        }

        /// <summary>Abandons our pending offer (e.g. the re-INVITE failed); the previous result stays.</summary>
        public void CancelOffer()
        {
            _offerPending = false;
        }

        /// <summary>
        /// Processes a peer offer and writes our answer into dst. NotAcceptable means nothing in
        /// common (send 488); parse errors return their status (also 488); OfferPending means
        /// glare (491). On any failure the negotiated state is unchanged and nothing is written.
        /// </summary>
        public SdpStatus ReceiveOffer(byte[] body, int offset, int count, byte[] dst, int dstOffset, int capacity, out int written)
        {
            written = 0;
            if (_offerPending) return SdpStatus.OfferPending;
            SdpSession offer = _work.Parse;
            SdpStatus st = SdpParser.Parse(body, offset, count, offer);
            _errorLine = offer.ErrorLine;
            if (st != SdpStatus.Ok) return st;

            SdpSession answer = _work.Build;
            answer.Reset();
            FillSessionLevel(answer);
            int chosen = -1;
            bool anyOpen = false;
            _work.Next.Reset();
            for (int i = 0; i < offer.MediaCount; i++)
            {
                SdpMedia om = offer.Media[i];
                SdpMedia am = answer.AddMedia();
                if (om.Port != 0) anyOpen = true;
                int ci = chosen < 0 && Usable(offer, om) ? PickOfferedCodec(om) : -1;
                if (ci < 0)
                {
                    CopyRejected(om, am);
                    continue;
                }
                chosen = i;
                AnswerAudio(offer, om, ci, am);
            }
            if (chosen < 0 && (anyOpen || offer.MediaCount == 0)) return SdpStatus.NotAcceptable;

            st = _work.Writer.Write(answer, dst, dstOffset, capacity, out written);
            if (st != SdpStatus.Ok) return st;
            CommitLocal();
            CommitRemote();
            return SdpStatus.Ok;
        }

        /// <summary>
        /// Processes the peer's answer to our pending offer. Ok updates <see cref="Result"/>;
        /// any failure ends the pending offer and keeps the previous result.
        /// </summary>
        public SdpStatus ReceiveAnswer(byte[] body, int offset, int count)
        {
            if (!_offerPending) return SdpStatus.NoOfferPending;
            _offerPending = false;
            SdpSession ans = _work.Parse;
            SdpStatus st = SdpParser.Parse(body, offset, count, ans);
            _errorLine = ans.ErrorLine;
            if (st != SdpStatus.Ok) return st;
            if (ans.MediaCount != _local.MediaCount) return SdpStatus.AnswerMismatch;
            for (int i = 0; i < ans.MediaCount; i++)
            {
                if (ans.Media[i].Type != _local.Media[i].Type) return SdpStatus.AnswerMismatch;
            }
            SdpMedia am = ans.Media[_offerAudioIndex];
            SdpMedia om = _local.Media[_offerAudioIndex];
            SdpConnection conn = am.EffectiveConnection(ans);
            if (am.Port == 0 || !am.IsRtp || !conn.Present) return SdpStatus.NotAcceptable;

            int ai = -1, codec = SdpCodecs.Unknown;
            for (int f = 0; f < am.FormatCount && ai < 0; f++)
            {
                int k = SdpCodecs.Resolve(am, f);
                if ((k == SdpCodecs.Pcmu || k == SdpCodecs.Pcma) && SdpCodecs.Find(om, k) >= 0)
                {
                    ai = f;
                    codec = k;
                }
            }
            if (ai < 0) return SdpStatus.NotAcceptable;

            SdpMediaResult next = _work.Next;
            next.Reset();
            next.PayloadType = am.Formats[ai];
            next.ReceivePayloadType = om.Formats[SdpCodecs.Find(om, codec)];
            int ate = SdpCodecs.Find(am, SdpCodecs.TelephoneEvent);
            int ote = SdpCodecs.Find(om, SdpCodecs.TelephoneEvent);
            if (ate >= 0 && ote >= 0)
            {
                next.TelephoneEventPt = am.Formats[ate];
                next.ReceiveTelephoneEventPt = om.Formats[ote];
            }
            SdpDirection remoteDir = am.EffectiveDirection(ans);
            FillResult(_offerAudioIndex, codec, am, conn, om.Direction, remoteDir);
            CommitRemote();
            return SdpStatus.Ok;
        }

        // ---- building -------------------------------------------------------------------

        private void FillSessionLevel(SdpSession s)
        {
            s.OriginUser = _config.Username;
            s.OriginSessionId = _config.SessionId;
            s.OriginVersion = _nextVersion;
            s.OriginIpv6 = _config.LocalIpv6;
            s.OriginAddress = _config.LocalAddress;
            s.SessionName = _config.SessionName;
            s.Connection.Set(_config.LocalIpv6, _config.LocalAddress);
            s.TimeStart = 0;
            s.TimeStop = 0;
        }

        private SdpDirection LocalWish()
        {
            return LocalHold ? SdpDirection.SendOnly : SdpDirection.SendRecv;
        }

        private void FillOfferAudio(SdpMedia m)
        {
            m.Type = "audio";
            m.Port = _config.LocalPort;
            m.Proto = "RTP/AVP";
            int[] codecs = _config.Codecs;
            for (int i = 0; codecs != null && i < codecs.Length; i++)
            {
                int c = codecs[i];
                if ((c == SdpCodecs.Pcmu || c == SdpCodecs.Pcma) && m.IndexOfFormat(c) < 0) m.AddFormat(c, SdpCodecs.Name(c), 8000, null);
            }
            if (_config.TelephoneEventPt >= 0 && m.IndexOfFormat(_config.TelephoneEventPt) < 0)
            {
                m.AddFormat(_config.TelephoneEventPt, "telephone-event", 8000, _config.TelephoneEvents);
            }
            m.Ptime = _config.PtimeMs;
            m.MaxPtime = _config.MaxPtimeMs;
            m.Direction = LocalWish();
            m.DirectionSet = true;
        }

        private void AnswerAudio(SdpSession offer, SdpMedia om, int ci, SdpMedia am)
        {
            int codec = SdpCodecs.Resolve(om, ci);
            am.Type = om.Type;
            am.Port = _config.LocalPort;
            am.Proto = om.Proto;
            am.AddFormat(om.Formats[ci], SdpCodecs.Name(codec), 8000, null);
            int te = _config.TelephoneEventPt >= 0 ? SdpCodecs.Find(om, SdpCodecs.TelephoneEvent) : -1;
            if (te >= 0)
            {
                am.AddFormat(om.Formats[te], "telephone-event", 8000, _config.TelephoneEvents);
                _work.Next.TelephoneEventPt = om.Formats[te];
                _work.Next.ReceiveTelephoneEventPt = om.Formats[te];
            }
            am.Ptime = _config.PtimeMs;
            am.MaxPtime = _config.MaxPtimeMs;
            SdpConnection conn = om.EffectiveConnection(offer);
            SdpDirection offered = om.EffectiveDirection(offer);
            bool peerReceives = SdpDirections.Receives(offered) && !conn.IsNullAddress;
            SdpDirection wish = LocalWish();
            am.Direction = SdpDirections.From(SdpDirections.Sends(wish) && peerReceives, SdpDirections.Receives(wish) && SdpDirections.Sends(offered));
            am.DirectionSet = true;
            _work.Next.PayloadType = om.Formats[ci];
            _work.Next.ReceivePayloadType = om.Formats[ci];
            FillResult(IndexOf(offer, om), codec, om, conn, am.Direction, offered);
        }

        private static int IndexOf(SdpSession s, SdpMedia m)
        {
            for (int i = 0; i < s.MediaCount; i++)
            {
                if (s.Media[i] == m) return i;
            }
            return -1;
        }

        private void FillResult(int index, int codec, SdpMedia remote, SdpConnection conn, SdpDirection localDir, SdpDirection remoteDir)
        {
            bool nullAddr = conn.IsNullAddress;
            SdpMediaResult next = _work.Next;
            next.Active = true;
            next.MediaIndex = index;
            next.Codec = codec;
            next.CodecName = SdpCodecs.Name(codec);
            next.ClockRate = 8000;
            next.RemoteAddress = conn.Address;
            next.RemoteIpv6 = conn.Ipv6;
            next.RemotePort = remote.Port;
            next.RemoteRtcpPort = remote.RtcpPort > 0 ? remote.RtcpPort : remote.Port + 1;
            next.RemoteRtcpAddress = remote.RtcpAddress != null ? remote.RtcpAddress : conn.Address;
            next.PtimeMs = NegotiatePtime(remote);
            next.LocalDirection = localDir;
            next.RemoteDirection = remoteDir;
            next.LocalHold = LocalHold;
            next.RemoteHold = nullAddr || remoteDir == SdpDirection.SendOnly || remoteDir == SdpDirection.Inactive;
            next.CanSend = SdpDirections.Sends(localDir) && SdpDirections.Receives(remoteDir) && !nullAddr && remote.Port != 0;
            next.CanReceive = SdpDirections.Receives(localDir) && SdpDirections.Sends(remoteDir);
        }

        private int NegotiatePtime(SdpMedia m)
        {
            int p = m.Ptime > 0 ? m.Ptime : _config.PtimeMs;
            if (m.MaxPtime > 0 && p > m.MaxPtime) p = m.MaxPtime;
            if (p > _config.MaxAcceptedPtimeMs) p = _config.MaxAcceptedPtimeMs;
            p -= p % 10;
            if (p < _config.MinAcceptedPtimeMs) p = _config.MinAcceptedPtimeMs;
            return p;
        }

        private static void CopyRejected(SdpMedia from, SdpMedia to)
        {
            to.Type = from.Type;
            to.Port = 0;
            to.Proto = from.Proto;
            to.FormatText = from.FormatText;
            for (int f = 0; f < from.FormatCount; f++) to.AddFormat(from.Formats[f], null, 0, null);
        }

        private static int FirstAudioSlot(SdpSession s)
        {
            for (int i = 0; i < s.MediaCount; i++)
            {
                if (s.Media[i].Type == "audio") return i;
            }
            return 0;
        }

        private bool Usable(SdpSession offer, SdpMedia m)
        {
            return m.Port != 0 && m.Type == "audio" && m.Proto == "RTP/AVP" && m.EffectiveConnection(offer).Present;
        }

        private int PickOfferedCodec(SdpMedia m)
        {
            for (int f = 0; f < m.FormatCount; f++)
            {
                int k = SdpCodecs.Resolve(m, f);
                if ((k == SdpCodecs.Pcmu || k == SdpCodecs.Pcma) && _config.Supports(k)) return f;
            }
            return -1;
        }

        // ---- committing -----------------------------------------------------------------

        private void CommitLocal()
        {
            SdpSession t = _local;
            _local = _work.Build;
            _work.Build = t;
            _nextVersion++;
            _sentAny = true;
        }

        private void CommitRemote()
        {
            SdpMediaResult next = _work.Next;
            next.Changes = _negotiated ? next.DiffFrom(_result) : (next.Active ? 63 : 0);
            _result.CopyFrom(next);
            _negotiated = true;
        }
    }
}
