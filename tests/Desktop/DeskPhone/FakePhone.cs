// A recording stand-in for the phone engine (IPhone) that the desk-phone unit tests drive: it
// keeps two call slots like EndpointApp, records every action, and lets a test play the
// network's part (an incoming call, the far end answering or hanging up). Reject and the end of
// a call call the product's OnEnded before the slot is released, as the engine does.
using System.Collections.Generic;
using Endpoint.App;
using Endpoint.Config;
using Endpoint.Media.Tones;

namespace Endpoint.Tests.DeskPhone
{
    public sealed class FakePhone : IPhone
    {
        private readonly CallSlot[] _slots = { new CallSlot(), new CallSlot() };
        private ToneSpec _tone;
        private int _volume = 6;
        private int _nextCall = 1;

        public FakePhone(EndpointConfig config, ToneRegion region)
        {
            Config = config;
            Region = region;
        }

        public IProductApp Product { get; set; }
        public List<string> Actions { get; } = new List<string>();
        public List<string> Events { get; } = new List<string>();
        public EndpointConfig Config { get; }
        public ToneRegion Region { get; }
        public int SlotCount { get { return _slots.Length; } }
        public CallSlot Slot(int index) { return _slots[index]; }
        public ToneSpec PlayingTone { get { return _tone; } }
        public int Volume { get { return _volume; } set { _volume = value < 0 ? 0 : value > 10 ? 10 : value; } }
        public long Now { get; set; }

        public CallSlot FindCall(int call)
        {
            foreach (CallSlot s in _slots) if (s.Phase != CallPhase.Free && s.Call == call) return s;
            return null;
        }

        public int Dial(string target, long nowMs)
        {
            Actions.Add("dial " + target);
            CallSlot s = Free();
            if (s == null) return -1;
            s.Call = _nextCall++;
            s.Phase = CallPhase.Calling;
            s.Outgoing = true;
            s.Peer = target;
            return s.Call;
        }

        public bool Answer(int call, long nowMs)
        {
            Actions.Add("answer " + call);
            CallSlot s = FindCall(call);
            if (s == null || s.Phase != CallPhase.Incoming) return false;
            s.Phase = CallPhase.Connected;
            Product.OnCallChanged(s, nowMs);
            return true;
        }

        /// <summary>When true (default) a hangup ends the call at once, as if the BYE/CANCEL completed.</summary>
        public bool EndOnHangup { get; set; } = true;

        public void Hangup(int call, long nowMs)
        {
            Actions.Add("hangup " + call);
            if (EndOnHangup) Ends(call, "local hangup");
        }

        public void Reject(int call, int code, long nowMs)
        {
            Actions.Add("reject " + call + " " + code);
            CallSlot s = FindCall(call);
            if (s != null) End(s, "rejected", code);
        }

        public bool Hold(int call, bool hold, long nowMs)
        {
            Actions.Add((hold ? "hold " : "resume ") + call);
            CallSlot s = FindCall(call);
            if (s == null || s.Phase != CallPhase.Connected || s.LocalHold == hold) return false;
            s.LocalHold = hold;
            return true;
        }

        public bool SendDtmf(int call, string digits)
        {
            Actions.Add("dtmf " + call + " " + digits);
            return FindCall(call) != null;
        }

        public void PlayTone(ToneSpec tone) { _tone = tone; }
        public void StopTone() { _tone = null; }
        public void Event(EventLine e) { Events.Add(e.ToString()); }
        public void Log(string text) { }

        // ---- the network's side ----

        /// <summary>A call arrives (the engine has sent 180); returns its handle.</summary>
        public int Incoming(string from)
        {
            CallSlot s = Free();
            if (s == null) return -1;
            s.Call = _nextCall++;
            s.Phase = CallPhase.Incoming;
            s.Peer = from;
            int call = s.Call;
            Product.OnIncoming(s, Now); // may reject it (and clear the slot)
            return call;
        }

        /// <summary>The far end of an outgoing call answers.</summary>
        public void FarEndAnswers(int call)
        {
            CallSlot s = FindCall(call);
            s.Phase = CallPhase.Connected;
            Product.OnCallChanged(s, Now);
        }

        /// <summary>A call ends (remote hangup, cancel, failure, or the BYE we sent was answered).</summary>
        public void Ends(int call, string reason, int code = 0)
        {
            CallSlot s = FindCall(call);
            if (s != null) End(s, reason, code);
        }

        public int LastCall { get { return _nextCall - 1; } }

        private void End(CallSlot s, string reason, int code)
        {
            Product.OnEnded(s, reason, code, Now);
            s.Clear();
        }

        private CallSlot Free()
        {
            foreach (CallSlot s in _slots) if (s.Phase == CallPhase.Free) return s;
            return null;
        }
    }
}
