// What a product application (desk phone, intercom) may do with the phone engine (EndpointApp):
// place, answer, end, hold calls, send DTMF, play a local tone on the speaker and report events.
// Call handles are the user agent's; every failure is also reported to the user as an event by
// the engine, so callers only need the return value to decide what to do next.
// Depends on CallSlot, EventLine, Endpoint.Config and Endpoint.Media.Tones (ToneSpec).
using Endpoint.Config;
using Endpoint.Media.Tones;

namespace Endpoint.App
{
    /// <summary>The phone engine as the product applications see it.</summary>
    public interface IPhone
    {
        /// <summary>The validated configuration the device runs.</summary>
        EndpointConfig Config { get; }

        /// <summary>Tone plan region from the configuration.</summary>
        ToneRegion Region { get; }

        /// <summary>
        /// Calls a target (number, user, AOR or SIP URI, resolved like the `dial` command).
        /// Returns the call handle, or -1 when the call could not be started (an `ended` or
        /// `error` event has been reported).
        /// </summary>
        int Dial(string target, long nowMs);

        /// <summary>Answers a ringing incoming call. False (and an `error` event) if it cannot.</summary>
        bool Answer(int call, long nowMs);

        /// <summary>Ends a call: rejects it (486) while it rings here, cancels it while it rings there, else BYE.</summary>
        void Hangup(int call, long nowMs);

        /// <summary>Rejects a ringing incoming call with a final status (486 busy, 603 decline, 480 unavailable).</summary>
        void Reject(int call, int code, long nowMs);

        /// <summary>Puts a connected call on hold (true) or resumes it (false). False if not possible now.</summary>
        bool Hold(int call, bool hold, long nowMs);

        /// <summary>Sends DTMF digits on a connected call (RFC 4733). False if not possible.</summary>
        bool SendDtmf(int call, string digits);

        /// <summary>Number of call slots.</summary>
        int SlotCount { get; }

        /// <summary>Call slot i (0 .. SlotCount-1); Phase is Free for unused slots.</summary>
        CallSlot Slot(int index);

        /// <summary>The slot of a call handle, or null.</summary>
        CallSlot FindCall(int call);

        /// <summary>Plays a tone on the local speaker (mixed over call audio), replacing any tone playing.</summary>
        void PlayTone(ToneSpec tone);

        /// <summary>Stops the local tone.</summary>
        void StopTone();

        /// <summary>The tone playing locally, or null.</summary>
        ToneSpec PlayingTone { get; }

        /// <summary>Speaker volume step 0..10 (default 6); each step is 3 dB.</summary>
        int Volume { get; set; }

        /// <summary>Reports an event line to the user (stdout on the virtual device).</summary>
        void Event(EventLine e);

        /// <summary>Writes a human log line (never secrets).</summary>
        void Log(string text);
    }
}
