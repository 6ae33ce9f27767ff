// A recording stand-in for the phone engine (IPhone) that behaves like EndpointApp towards a
// product: Dial fills a free slot (Calling), Answer connects and calls OnCallChanged, Reject ends
// the call at once (OnEnded, then the slot is released), Hangup of an outgoing call ends it on the
// next Pump (like a CANCEL answered by 487), and the test plays the far ends (Ringing, Answered,
// RemoteEnd, Incoming, Digit). Every action and event is appended to Log in order.
using System.Collections.Generic;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Dtmf;
using Endpoint.Media.Tones;

namespace Endpoint.Tests.App
{
    public sealed class FakePhone : IPhone
    {
        private readonly CallSlot[] _slots;
        private readonly List<CallSlot> _pendingEnd = new List<CallSlot>();
        private int _nextCall = 100;
        private long _now;

        public FakePhone(EndpointConfig config, int slots)
        {
            Config = config;
            _slots = new CallSlot[slots];
            for (int i = 0; i < slots; i++) _slots[i] = new CallSlot();
        }

        public IProductApp App { get; set; }
        public List<string> Log { get; } = new List<string>();
        public List<string> Dials { get; } = new List<string>();
        public HashSet<string> Undialable { get; } = new HashSet<string>();
        public bool FailAnswer { get; set; }

        public EndpointConfig Config { get; }
        public ToneRegion Region { get { return ToneRegion.Etsi; } }
        public int SlotCount { get { return _slots.Length; } }
        public CallSlot Slot(int index) { return _slots[index]; }
        public ToneSpec PlayingTone { get; private set; }
        public int Volume { get; set; } = 6;

        public CallSlot FindCall(int call)
        {
            foreach (CallSlot s in _slots) if (s.Phase != CallPhase.Free && s.Call == call) return s;
            return null;
        }

        public int Dial(string target, long nowMs)
        {
            Dials.Add(target);
            if (Undialable.Contains(target)) { Log.Add("ended peer=" + target + " reason=bad-target"); return -1; }
            CallSlot s = Free();
            if (s == null) { Log.Add("error command=dial reason=too many calls"); return -1; }
            s.Call = _nextCall++;
            s.Phase = CallPhase.Calling;
            s.Outgoing = true;
            s.Peer = target.StartsWith("sip:") ? target : "sip:" + target;
            Log.Add("calling call=" + s.Call + " to=" + s.Peer);
            return s.Call;
        }

        public bool Answer(int call, long nowMs)
        {
            CallSlot s = FindCall(call);
            Log.Add("answer call=" + call);
            if (s == null || s.Phase != CallPhase.Incoming || FailAnswer) return false;
            s.Phase = CallPhase.Connected;
            Log.Add("connected call=" + call + " peer=" + s.Peer);
            App.OnCallChanged(s, nowMs);
            return true;
        }

        public void Hangup(int call, long nowMs)
        {
            CallSlot s = FindCall(call);
            Log.Add("hangup call=" + call);
            if (s == null) return;
            if (s.Phase == CallPhase.Incoming) { End(s, "rejected", 486); return; }
            if (!_pendingEnd.Contains(s)) _pendingEnd.Add(s);
        }

        public void Reject(int call, int code, long nowMs)
        {
            CallSlot s = FindCall(call);
            Log.Add("reject call=" + call + " code=" + code);
            if (s == null || s.Phase != CallPhase.Incoming) return;
            End(s, code == 486 ? "busy" : code == 603 ? "declined" : "rejected", code);
        }

        public bool Hold(int call, bool hold, long nowMs) { return false; }

        public bool SendDtmf(int call, string digits) { return false; }

        public void PlayTone(ToneSpec tone) { PlayingTone = tone; Log.Add("tone " + (tone == null ? "off" : tone.Name)); }

        public void StopTone() { if (PlayingTone != null) Log.Add("tone off"); PlayingTone = null; }

        public void Event(EventLine e) { Log.Add(e.ToString()); }

        void IPhone.Log(string text) { }

        // ---- the far ends ----

        /// <summary>An incoming call from peer; returns its handle.</summary>
        public int Incoming(string peer)
        {
            CallSlot s = Free();
            if (s == null) return -1;
            s.Call = _nextCall++;
            s.Phase = CallPhase.Incoming;
            s.Peer = peer;
            int call = s.Call;
            Log.Add("incoming call=" + call + " from=" + peer);
            App.OnIncoming(s, _now);
            return call;
        }

        public void Ringing(int call)
        {
            CallSlot s = FindCall(call);
            s.Phase = CallPhase.Ringing;
            App.OnCallChanged(s, _now);
        }

        public void Answered(int call)
        {
            CallSlot s = FindCall(call);
            s.Phase = CallPhase.Connected;
            Log.Add("connected call=" + call + " peer=" + s.Peer);
            App.OnCallChanged(s, _now);
        }

        public void RemoteEnd(int call, string reason, int code)
        {
            _pendingEnd.Remove(FindCall(call));
            End(FindCall(call), reason, code);
        }

        public void Digit(int call, char digit, DtmfSource source)
        {
            CallSlot s = FindCall(call);
            if (s != null) App.OnDigit(s, digit, source, _now);
        }

        /// <summary>Ends calls hung up since the last pump, then runs the product's timer.</summary>
        public void Pump(long nowMs)
        {
            _now = nowMs;
            while (_pendingEnd.Count > 0)
            {
                CallSlot s = _pendingEnd[0];
                _pendingEnd.RemoveAt(0);
                if (s.Phase == CallPhase.Free) continue;
                End(s, s.Phase == CallPhase.Connected ? "local hangup" : "cancelled", s.Phase == CallPhase.Connected ? 0 : 487);
            }
            App.OnTimer(nowMs);
        }

        public int Busy()
        {
            int n = 0;
            foreach (CallSlot s in _slots) if (s.Phase != CallPhase.Free) n++;
            return n;
        }

        private void End(CallSlot s, string reason, int code)
        {
            Log.Add("ended call=" + s.Call + " reason=" + reason + " code=" + code);
            App.OnEnded(s, reason, code, _now);
            s.Clear();
        }

        private CallSlot Free()
        {
            foreach (CallSlot s in _slots) if (s.Phase == CallPhase.Free) return s;
            return null;
        }
    }
}
