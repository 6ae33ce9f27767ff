// The SIP user agent core (RFC 3261 §8, §12-15 with RFC 3428 MESSAGE, RFC 6086 INFO, RFC 4028
// session timers, RFC 3581 rport, RFC 7616/8760 digest): sans-IO. The runtime feeds it received
// datagrams and framed stream messages (OnDatagram / OnStreamMessage), the clock (OnTimer at
// NextDeadline) and the application's commands (Call, Answer, Hangup ...); it writes everything
// to send into Outbox and tells the application what happened through PollEvent. It owns the
// transaction layer, the call slots (dialogs) and the registration client. This file holds
// construction, inputs, timers and shared helpers; the rest is split by concern into
// UserAgent.*.cs. Depends on Endpoint.Sip.Message, .Transaction, .Dialog, .Auth, .Registration,
// Endpoint.Crypto (random source). No sockets, threads or clocks. Allocates in the constructor;
// receiving in-dialog requests allocates nothing; building outgoing requests and handling
// challenges allocates a few strings (cold paths).
// Runtime contract: one thread calls everything. Per UDP datagram: OnDatagram(buf, off, len,
// source{IP, port, Udp}, now). Per TCP connection: a SipStreamFramer; each framed message goes to
// OnStreamMessage with source = the connection's remote address (Tcp); CRLFCRLF pings are
// answered by the runtime. After EVERY call into the UA: drain Outbox (PeekBuffer/PeekLength/
// PeekDestination, Pop): Udp → sendto; Tcp/Tls → the open connection to that address, else
// connect first; Family.Host → resolve the name (A record) first; a 4-byte CRLFCRLF entry is a
// NAT keep-alive. Then PollEvent() until null. Sleep until NextDeadline (or input), then OnTimer.
using Endpoint.Crypto;
using Endpoint.Sip.Auth;
using Endpoint.Sip.Dialog;
using Endpoint.Sip.Message;
using Endpoint.Sip.Registration;
using Endpoint.Sip.Transaction;

namespace Endpoint.Sip.Ua
{
    /// <summary>A sans-IO SIP user agent: calls, registration, MESSAGE, INFO, OPTIONS.</summary>
    public sealed partial class UserAgent
    {
        /// <summary>No deadline.</summary>
        public const long Never = long.MaxValue;

        private readonly UaConfig _cfg;
        private readonly UaRandom _rand;
        private readonly SipOutbox _outbox;
        private SipTransactionLayer _tx;
        private readonly SipMessage _rx;
        private readonly UaCall[] _calls;
        private readonly UaEventQueue _events;
        private readonly DigestClient _auth;
        private readonly DigestChallenge[] _challenges = new DigestChallenge[4];
        private readonly byte[] _tag = new byte[16];
        private readonly byte[] _callIdScratch = new byte[32];

        private readonly string _domain;
        private readonly string _aor;
        private readonly string _identity;
        private readonly bool _hasProxy;
        private readonly SipAddress _proxyAddr;
        private readonly string _proxyRoute;
        private readonly bool _hasRegistrar;
        private readonly SipAddress _registrarAddr;
        private readonly ByteField _contact;
        private string _contactHost;
        private int _contactPort;

        /// <summary>Builds the user agent and preallocates all its state.</summary>
        public UserAgent(UaConfig config, IRandomSource random)
        {
            if (config == null || random == null) throw new System.ArgumentNullException();
            if (config.MaxCalls < 1 || config.MaxCalls > 255 || config.MaxMessages < 1 || config.EventSlots < 2) throw new System.ArgumentOutOfRangeException();
            _cfg = config;
            _rand = new UaRandom(random);
            _outbox = new SipOutbox(config.OutboxSlots, config.MessageBufferSize, config.OutboxBytes > config.MessageBufferSize ? config.OutboxBytes : config.MessageBufferSize);
            _tx = new SipTransactionLayer(TxConfig(config.LocalHost, config.LocalPort), _rand, _outbox);
            _rx = new SipMessage();
            _calls = new UaCall[config.MaxCalls];
            for (int i = 0; i < _calls.Length; i++) _calls[i] = new UaCall(i, config.Dialog, config.SdpBytes);
            _events = new UaEventQueue(config.EventSlots, config.EventBodyBytes, config.Dialog.UriBytes, config.EventStoreBytes);
            _auth = new DigestClient(config.AuthUser != null ? config.AuthUser : config.User, config.Password, random);

            _domain = config.EffectiveDomain;
            _aor = "sip:" + config.User + "@" + UaAddress.UriHost(_domain);
            _identity = (config.DisplayName != null && config.DisplayName.Length > 0 ? Quote(config.DisplayName) + " " : "") + "<" + _aor + ">";
            if (config.ProxyHost != null)
            {
                _hasProxy = true;
                _proxyAddr = UaAddress.FromHostPort(config.ProxyHost, config.ProxyPort, config.Transport);
                _proxyRoute = "<sip:" + UaAddress.UriHost(config.ProxyHost) + ":" + config.ProxyPort
                    + (config.Transport == SipTransport.Tcp ? ";transport=tcp" : "") + ";lr>";
            }
            if (config.RegistrarHost != null)
            {
                _hasRegistrar = true;
                _registrarAddr = UaAddress.FromHostPort(config.RegistrarHost, config.RegistrarPort, config.Transport);
            }
            _contact = new ByteField(config.Dialog.UriBytes);
            _contactHost = config.LocalHost;
            _contactPort = config.LocalPort;
            RebuildContact();
            InitRegistration(random);
            InitMessages();
        }

        private SipTransactionConfig TxConfig(string host, int port)
        {
            SipTransactionConfig t = new SipTransactionConfig();
            t.T1 = _cfg.T1;
            if (t.T2 < t.T1) t.T2 = t.T1;
            t.PoolSize = _cfg.TxPoolSize;
            t.MessageBufferSize = _cfg.MessageBufferSize;
            t.StoreBytes = _cfg.TxStoreBytes;
            t.OutboxSlots = _cfg.OutboxSlots;
            t.LocalHost = host;
            t.LocalPort = port;
            t.AutoTrying = true;
            t.Retransmit2xx = true;
            return t;
        }

        private static string Quote(string s)
        {
            System.Text.StringBuilder sb = new System.Text.StringBuilder(s.Length + 2);
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\') sb.Append('\\');
                sb.Append(c);
            }
            sb.Append('"');
            return sb.ToString();
        }

        // ------------------------------------------------------------------ public surface

        /// <summary>The configuration.</summary>
        public UaConfig Config { get { return _cfg; } }

        /// <summary>
        /// Messages to send: take entries with PeekBuffer/PeekLength/PeekDestination and Pop them.
        /// Drain it after every call into the UA. An entry of exactly CRLFCRLF is a keep-alive.
        /// </summary>
        public SipOutbox Outbox { get { return _outbox; } }

        /// <summary>The transaction layer (for diagnostics and tests).</summary>
        public SipTransactionLayer Transactions { get { return _tx; } }

        /// <summary>Our address-of-record, "sip:user@domain".</summary>
        public string Aor { get { return _aor; } }

        /// <summary>Host currently advertised in Contact (the public address once learned from rport/received).</summary>
        public string ContactHost { get { return _contactHost; } }

        /// <summary>Port currently advertised in Contact.</summary>
        public int ContactPort { get { return _contactPort; } }

        /// <summary>Events lost because the queue was full.</summary>
        public int EventsDropped { get { return _events.Dropped; } }

        /// <summary>
        /// The oldest event, or null. The record is reused: it stays valid until the next call
        /// of PollEvent. Poll until null after every call into the UA.
        /// </summary>
        public UaEvent PollEvent() { return _events.Poll(); }

        /// <summary>State of a call (Free for unknown or ended handles).</summary>
        public UaCallState GetCallState(int call)
        {
            UaCall c = Slot(call);
            return c == null ? UaCallState.Free : c.State;
        }

        /// <summary>Number of call slots in use (including calls closing after their CallEnded event).</summary>
        public int CallsInUse
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _calls.Length; i++) if (_calls[i].InUse) n++;
                return n;
            }
        }

        /// <summary>Negotiated RFC 4028 session interval of a call in seconds (0 = none).</summary>
        public int GetSessionInterval(int call)
        {
            UaCall c = Slot(call);
            return c == null ? 0 : c.Timer.IntervalSeconds;
        }

        /// <summary>A UDP datagram arrived from <paramref name="source"/> (Transport = Udp).</summary>
        public void OnDatagram(byte[] buffer, int offset, int count, SipAddress source, long nowMs)
        {
            OnMessage(buffer, offset, count, source, nowMs);
        }

        /// <summary>
        /// A complete message framed by the runtime's SipStreamFramer arrived on a stream
        /// connection; <paramref name="source"/> is the connection's remote address (Transport = Tcp).
        /// Keep-alive pings and pongs are handled by the framer/runtime, not here.
        /// </summary>
        public void OnStreamMessage(byte[] buffer, int offset, int count, SipAddress source, long nowMs)
        {
            OnMessage(buffer, offset, count, source, nowMs);
        }

        private void OnMessage(byte[] buffer, int offset, int count, SipAddress source, long nowMs)
        {
            if (buffer == null || offset < 0 || count < 0 || offset + count > buffer.Length) throw new System.ArgumentException("buffer range");
            if (IsWhitespace(buffer, offset, count)) return; // CRLF keep-alive datagram
            _rx.Parse(buffer, offset, count);
            int txId;
            SipRxResult r = _tx.OnReceive(_rx, source, nowMs, out txId);
            switch (r)
            {
                case SipRxResult.NewRequest: OnNewRequest(txId, nowMs); break;
                case SipRxResult.AckFor2xx: OnAckFor2xx(txId, nowMs); break;
                case SipRxResult.CancelReceived: OnCancelReceived(_tx.CancelledTxId, nowMs); break;
                case SipRxResult.Response: OnResponse(txId, nowMs); break;
            }
            DrainTxEvents(nowMs);
        }

        private static bool IsWhitespace(byte[] b, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                byte c = b[i];
                if (c != 13 && c != 10 && c != 32 && c != 9 && c != 0) return false;
            }
            return true;
        }

        /// <summary>Fires every timer due at or before <paramref name="nowMs"/>.</summary>
        public void OnTimer(long nowMs)
        {
            _tx.OnTimer(nowMs);
            DrainTxEvents(nowMs);
            RegistrationTimer(nowMs);
            for (int i = 0; i < _calls.Length; i++)
            {
                if (_calls[i].InUse) CallTimers(_calls[i], nowMs);
            }
            DrainTxEvents(nowMs);
        }

        /// <summary>When OnTimer must be called next (ms), or Never.</summary>
        public long NextDeadline
        {
            get
            {
                long d = _tx.NextDeadline;
                long r = RegistrationDeadline;
                if (r < d) d = r;
                for (int i = 0; i < _calls.Length; i++)
                {
                    UaCall c = _calls[i];
                    if (!c.InUse) continue;
                    long t = CallDeadline(c);
                    if (t < d) d = t;
                }
                return d;
            }
        }

        private void DrainTxEvents(long nowMs)
        {
            int id;
            SipTxEvent ev;
            for (int guard = 0; guard < 64 && _tx.TryGetEvent(out id, out ev); guard++)
            {
                if (ev == SipTxEvent.Timeout) OnTxTimeout(id, nowMs);
                else if (ev == SipTxEvent.AckTimeout) OnAckTimeout(id, nowMs);
            }
        }

        // ------------------------------------------------------------------ call slots

        private UaCall Slot(int handle)
        {
            if (handle < 0) return null;
            int index = handle & 0xFF;
            if (index >= _calls.Length) return null;
            UaCall c = _calls[index];
            if (!c.InUse || c.Generation != (handle >> 8)) return null;
            return c;
        }

        /// <summary>A call the application may still act on (not ended).</summary>
        private UaCall LiveCall(int handle)
        {
            UaCall c = Slot(handle);
            return c == null || c.EndedPosted ? null : c;
        }

        private UaCall AllocCall()
        {
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (c.InUse) continue;
                c.Reset();
                c.Generation = (c.Generation + 1) & 0x7FFFFF;
                return c;
            }
            return null;
        }

        private void FreeCall(UaCall c)
        {
            c.Reset();
        }

        /// <summary>Tells the application the call is over (once); the slot may live on while closing.</summary>
        private void PostEnded(UaCall c, int code, string reason)
        {
            if (c.EndedPosted) return;
            c.EndedPosted = true;
            c.Timer.Stop();
            c.GlareRetryAt = UaCall.Never;
            UaEvent e = _events.Post(UaEventKind.CallEnded, c.Handle);
            if (e == null) return;
            e.Code = code;
            e.Reason = reason;
        }

        private UaCall FindDialog(SipMessage m)
        {
            for (int i = 0; i < _calls.Length; i++)
            {
                UaCall c = _calls[i];
                if (c.InUse && c.Dialog.Matches(m)) return c;
            }
            return null;
        }

        private bool IsClientPending(int txId)
        {
            SipTxState s = _tx.GetState(txId);
            return s == SipTxState.Calling || s == SipTxState.Trying || s == SipTxState.Proceeding || s == SipTxState.Pending;
        }

        // ------------------------------------------------------------------ ids

        /// <summary>Writes a fresh 16-hex-digit tag into _tag.</summary>
        private Slice NewTag()
        {
            _tx.Hex(_tag, 0, 8);
            return new Slice(0, 16);
        }

        private bool NewCallId(ByteField into)
        {
            _tx.Hex(_callIdScratch, 0, 16);
            return into.Set(_callIdScratch, 0, 32);
        }

        private static UaStatus Map(SipSendStatus s)
        {
            switch (s)
            {
                case SipSendStatus.Ok:
                case SipSendStatus.SwitchedToTcp:
                case SipSendStatus.Deferred: return UaStatus.Ok;
                case SipSendStatus.PoolExhausted: return UaStatus.PoolExhausted;
                case SipSendStatus.OutboxFull: return UaStatus.OutboxFull;
                case SipSendStatus.BufferTooSmall: return UaStatus.BufferTooSmall;
                default: return UaStatus.BadState;
            }
        }
    }
}
