// Registration client (RFC 3261 §10.2; RFC 5626 §4.5 back-off via RegistrationSchedule; RFC 3581
// NAT discovery; RFC 7616/8760 digest): REGISTER to sip:domain with our AOR in From/To, one
// Call-ID for the lifetime of the binding and CSeq + 1 per request, a new branch (transaction)
// for every request including authenticated retries; the granted lifetime taken from the
// expires parameter of OUR Contact in the 2xx (else the Expires header); 423 retried with
// Min-Expires; received/rport in the 2xx's Via that differ from our Contact switch the Contact
// to the public address and re-register at once; Expires: 0 to unregister; CRLFCRLF keep-alives
// to the proxy/registrar every KeepAliveSeconds while registered. Later refreshes carry
// credentials for the last challenge (nc counts up); a stale nonce is retried silently.
// Depends on the Message, Transaction, Auth and Registration folders.
using Endpoint.Crypto;
using Endpoint.Sip.Auth;
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Registration;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    public sealed partial class UserAgent
    {
        private const int MaxRegisterRounds = 4;

        private RegistrationSchedule _schedule;
        private DigestClient _regAuth;
        private ByteField _regCallId;
        private ByteField _oldContact; // binding to remove (expires=0) in the next REGISTER after an address change
        private string _regFromTag;
        private string _regUri;
        private long _regCSeq;
        private int _regTx = -1;
        private int _regRounds;
        private bool _regHadCredentials;
        private bool _regPreemptive;
        private int _regExpires;
        private int _regAsked;
        private bool _regActive;
        private long _keepAliveAt = Never;
        private SipAddress _keepAliveDst;

        private void InitRegistration(IRandomSource random)
        {
            _schedule = new RegistrationSchedule(random);
            _regAuth = new DigestClient(_cfg.AuthUser != null ? _cfg.AuthUser : _cfg.User, _cfg.Password, random, _auth);
            _regCallId = new ByteField(40);
            _oldContact = new ByteField(_cfg.Dialog.UriBytes);
            _regUri = "sip:" + UaAddress.UriHost(_domain);
            _regExpires = _cfg.Expires > 0 ? _cfg.Expires : 3600;
            _keepAliveDst = _hasProxy ? _proxyAddr : _registrarAddr;
        }

        /// <summary>Registration state.</summary>
        public RegistrationState RegistrationState { get { return _schedule.State; } }

        /// <summary>Seconds the registrar granted in the last success.</summary>
        public int RegisteredExpires { get { return _schedule.GrantedSeconds; } }

        /// <summary>The registration schedule (refresh and retry times).</summary>
        public RegistrationSchedule RegistrationSchedule { get { return _schedule; } }

        /// <summary>Starts registering (the first REGISTER goes into the outbox now) and the NAT keep-alives.</summary>
        public UaStatus Register(long nowMs)
        {
            if (!_hasRegistrar) return UaStatus.NoRegistrar;
            if (_regCallId.IsEmpty) NewCallId(_regCallId);
            if (_regFromTag == null)
            {
                Slice t = NewTag();
                _regFromTag = SipAscii.ToText(_tag, t);
            }
            _regActive = true;
            _schedule.Start(nowMs);
            _keepAliveAt = _cfg.KeepAliveSeconds > 0 ? nowMs + _cfg.KeepAliveSeconds * 1000L : Never;
            RegistrationTimer(nowMs);
            return UaStatus.Ok;
        }

        /// <summary>
        /// Removes our binding (REGISTER with Expires: 0); Unregistered is posted when the
        /// registrar answers, after 5 s without answer, or at once if nothing was registered.
        /// </summary>
        public UaStatus Unregister(long nowMs)
        {
            if (!_hasRegistrar) return UaStatus.NoRegistrar;
            _keepAliveAt = Never;
            if (_regTx >= 0) { _tx.Release(_regTx); _regTx = -1; }
            if (!_schedule.Stop(nowMs))
            {
                _regActive = false;
                _events.Post(UaEventKind.Unregistered, -1);
                return UaStatus.Ok;
            }
            _regRounds = 0;
            UaStatus st = SendRegister(0, _regAuth.Current != null, nowMs);
            if (st != UaStatus.Ok) { _schedule.OnFailure(0, nowMs); FinishUnregister(); }
            return st;
        }

        private void FinishUnregister()
        {
            _regActive = false;
            _keepAliveAt = Never;
            _events.Post(UaEventKind.Unregistered, -1);
        }

        /// <summary>
        /// The local address changed (new DHCP lease, interface switch): rebinds the transaction
        /// layer to the new Via sent-by (dropping its transactions), ends every call (their Contact
        /// and media are gone) and registers again at once with the new Contact; that REGISTER
        /// also removes the old binding (old Contact with expires=0, RFC 3261 §10.2.2).
        /// </summary>
        public void OnLocalAddressChanged(string host, int port, long nowMs)
        {
            if (host == null || port <= 0) throw new System.ArgumentException();
            _cfg.LocalHost = host;
            _cfg.LocalPort = port;
            _tx.Rebind(host, port);
            _regTx = -1;
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (!c.InUse) continue;
                PostEnded(c, 0, UaText.AddressChanged);
                FreeCall(c);
            }
            AbortMessages();
            if (_regActive && _oldContact.IsEmpty && (host != _contactHost || port != _contactPort)) _oldContact.Set(_contact);
            _contactHost = host;
            _contactPort = port;
            RebuildContact();
            if (_regActive)
            {
                _schedule.OnAddressChanged(nowMs);
                if (_schedule.State == RegistrationState.Registering) _schedule.OnFailure(0, nowMs);
                if (_schedule.State == RegistrationState.WaitingToRetry) _schedule.OnAddressChanged(nowMs);
                RegistrationTimer(nowMs);
            }
        }

        private long RegistrationDeadline
        {
            get
            {
                long d = _schedule.NextDeadline;
                return _keepAliveAt < d ? _keepAliveAt : d;
            }
        }

        private void RegistrationTimer(long nowMs)
        {
            if (_keepAliveAt <= nowMs)
            {
                _outbox.Enqueue(UaText.KeepAlive, 0, UaText.KeepAlive.Length, _keepAliveDst);
                _keepAliveAt = nowMs + _cfg.KeepAliveSeconds * 1000L;
            }
            RegistrationState before = _schedule.State;
            if (_schedule.ShouldSend(nowMs))
            {
                _regRounds = 0;
                if (SendRegister(_regExpires, _regAuth.Current != null, nowMs) != UaStatus.Ok) _schedule.OnFailure(0, nowMs);
            }
            else if (before == RegistrationState.Unregistering && _schedule.State == RegistrationState.Stopped)
            {
                if (_regTx >= 0) { _tx.Release(_regTx); _regTx = -1; }
                FinishUnregister();
            }
        }

        private UaStatus SendRegister(int expires, bool withAuth, long nowMs)
        {
            SipWriter w;
            _regCSeq++;
            int tx = BeginOutOfDialog(SipMethod.Register, _regUri, _registrarAddrOrProxy, out w);
            if (tx < 0) return UaStatus.PoolExhausted;
            w.HeaderName(SipHeaderId.From);
            w.Ascii(_identity);
            w.Ascii(";tag=");
            w.Ascii(_regFromTag);
            w.Crlf();
            w.Header(SipHeaderId.To, _identity);
            w.Header(SipHeaderId.CallId, _regCallId.Data, _regCallId.Slice);
            w.CSeq(_regCSeq, SipMethod.Register);
            w.HeaderName(SipHeaderId.Contact);
            w.Raw(_contact.Data, _contact.Slice);
            if (expires == 0) w.Ascii(";expires=0");
            else if (!_oldContact.IsEmpty)
            {
                w.Ascii(", ");
                w.Raw(_oldContact.Data, _oldContact.Slice);
                w.Ascii(";expires=0");
            }
            w.Crlf();
            w.Header(SipHeaderId.Expires, expires);
            w.Header(SipHeaderId.Allow, UaText.Allow);
            if (withAuth) WriteAuthorization(w, _regAuth, "REGISTER", _regUri);
            WriteUserAgent(w, false);
            w.NoBody();
            UaStatus st = Finish(tx, nowMs);
            if (st != UaStatus.Ok) return st;
            _regTx = tx;
            _regAsked = expires;
            _regHadCredentials = withAuth;
            _regPreemptive = withAuth && _regRounds == 0;
            return UaStatus.Ok;
        }

        private SipAddress _registrarAddrOrProxy { get { return _hasProxy ? _proxyAddr : _registrarAddr; } }

        private void OnRegisterResponse(SipMessage r, long nowMs)
        {
            int code = r.StatusCode;
            if (code < 200) return;
            _regTx = -1;
            bool unregistering = _schedule.State == RegistrationState.Unregistering;
            if (code < 300)
            {
                _oldContact.Clear(); // the registrar took the removal
                if (unregistering)
                {
                    _schedule.OnSuccess(0, nowMs);
                    FinishUnregister();
                    return;
                }
                int granted = GrantedSeconds(r);
                if (LearnPublicAddress(r))
                {
                    // Behind NAT: register the public address at once (the old binding simply expires).
                    _schedule.OnSuccess(granted > 0 ? granted : _regAsked, nowMs);
                    _schedule.OnAddressChanged(nowMs);
                    RegistrationTimer(nowMs);
                    return;
                }
                _schedule.OnSuccess(granted, nowMs);
                UaEvent e = _events.Post(granted > 0 ? UaEventKind.Registered : UaEventKind.RegistrationFailed, -1);
                if (e != null)
                {
                    e.Code = granted > 0 ? granted : code;
                    e.Reason = granted > 0 ? null : "registrar kept no binding";
                }
                return;
            }
            if ((code == 401 || code == 407) && _regRounds < MaxRegisterRounds)
            {
                int n = CollectChallenges(r);
                DigestVerdict v = _regAuth.OnChallenge(_challenges, n, _regHadCredentials && !_regPreemptive);
                for (int i = 0; i < _challenges.Length; i++) _challenges[i] = null;
                if (v == DigestVerdict.Retry)
                {
                    _regRounds++;
                    if (SendRegister(_regAsked, true, nowMs) == UaStatus.Ok) return;
                }
                RegisterFailed(code, _regAuth.LastReason != null ? _regAuth.LastReason : UaText.FailureReason(code), 0, unregistering, nowMs);
                return;
            }
            if (code == 423 && _regRounds < MaxRegisterRounds && !unregistering)
            {
                int min = MinExpires(r);
                if (min > _regAsked)
                {
                    _regRounds++;
                    _regExpires = min;
                    if (SendRegister(min, _regAuth.Current != null, nowMs) == UaStatus.Ok) return;
                }
            }
            RegisterFailed(code, UaText.FailureReason(code), RetryAfter(r), unregistering, nowMs);
        }

        private void OnRegisterTimeout(long nowMs)
        {
            _regTx = -1;
            RegisterFailed(408, UaText.FailureReason(408), 0, _schedule.State == RegistrationState.Unregistering, nowMs);
        }

        private void RegisterFailed(int code, string reason, int retryAfter, bool unregistering, long nowMs)
        {
            _schedule.OnFailure(retryAfter, nowMs);
            if (unregistering) { FinishUnregister(); return; }
            UaEvent e = _events.Post(UaEventKind.RegistrationFailed, -1);
            if (e == null) return;
            e.Code = code;
            e.Reason = reason;
        }

        /// <summary>
        /// The lifetime granted to OUR binding: the expires parameter of the Contact equal to ours
        /// (§19.1.4 comparison, else same user/host/port, else the only Contact), else the Expires
        /// header, else what we asked for. 0 when the 2xx lists Contacts but none is ours.
        /// </summary>
        private int GrantedSeconds(SipMessage r)
        {
            byte[] b = r.Buffer;
            SipNameAddr ours;
            if (SipNameAddr.Parse(_contact.Data, _contact.Slice, out ours) != SipError.None) return _regAsked;
            int contacts = r.CountHeaders(SipHeaderId.Contact);
            int match = -1;
            int loose = -1;
            for (int i = r.FindHeader(SipHeaderId.Contact, 0); i >= 0; i = r.FindHeader(SipHeaderId.Contact, i + 1))
            {
                SipNameAddr na;
                if (r.GetNameAddr(i, out na) != SipError.None) continue;
                if (SipUri.AreEqual(b, na.Uri, _contact.Data, ours.Uri)) { match = i; break; }
                if (loose < 0 && na.Uri.Port == ours.Uri.Port && SipAscii.EqualsIgnoreCase(b, na.Uri.Host, _contact.Data, ours.Uri.Host)
                    && SipAscii.EqualsExact(b, na.Uri.User, _contact.Data, ours.Uri.User)) loose = i;
            }
            if (match < 0) match = loose;
            if (match < 0 && contacts == 1) match = r.FindHeader(SipHeaderId.Contact);
            if (match >= 0)
            {
                SipNameAddr na;
                Slice v;
                if (r.GetNameAddr(match, out na) == SipError.None && na.TryGetParam(b, UaText.Expires, out v))
                {
                    long s = SipAscii.ParseNumber(b, v, 0x7FFFFFFF);
                    if (s >= 0) return (int)s;
                }
            }
            else if (contacts > 0) return 0;
            if (r.Expires >= 0) return r.Expires > 0x7FFFFFFF ? 0x7FFFFFFF : (int)r.Expires;
            return _regAsked;
        }

        /// <summary>RFC 3581: received/rport in our Via that differ from our Contact reveal a NAT; adopt them.</summary>
        private bool LearnPublicAddress(SipMessage r)
        {
            SipVia via = r.TopVia;
            if (!via.HasReceived || via.Received.Length == 0) return false;
            byte[] b = r.Buffer;
            int port = via.HasRport && via.Rport > 0 ? via.Rport : _contactPort;
            bool sameHost = EqualsAscii(b, via.Received, _contactHost);
            if (sameHost && port == _contactPort) return false;
            _contactHost = SipAscii.ToText(b, via.Received);
            if (_contactHost.Length > 0 && _contactHost[0] == '[') _contactHost = _contactHost.Substring(1, _contactHost.Length - 2);
            _contactPort = port;
            RebuildContact();
            return true;
        }

        private static int MinExpires(SipMessage r)
        {
            int i = r.FindHeader(SipHeaderId.MinExpires);
            if (i < 0) return 0;
            long v = SipAscii.ParseNumber(r.Buffer, SipAscii.Trim(r.Buffer, r.GetHeaderValue(i)), 0x7FFFFFFF);
            return v > 0 ? (int)v : 0;
        }

        private static int RetryAfter(SipMessage r)
        {
            int i = r.FindHeader(SipHeaderId.RetryAfter);
            if (i < 0) return 0;
            byte[] b = r.Buffer;
            Slice v = r.GetHeaderValue(i);
            int k = v.Start;
            while (k < v.End && SipAscii.IsDigit(b[k])) k++;
            long n = SipAscii.ParseNumber(b, Slice.FromTo(v.Start, k), 0x7FFFFFFF);
            return n > 0 ? (int)n : 0;
        }
    }
}
