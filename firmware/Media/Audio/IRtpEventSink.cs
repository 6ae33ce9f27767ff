// Hook for RTP payloads that are not audio: RFC 4733 telephone-events (DTMF) arrive on the audio
// stream's SSRC with their own negotiated payload type; the pump validates them like audio
// (RFC 3550 A.1, SSRC) and hands the payload here. Depends on nothing.
namespace Endpoint.Media.Audio
{
    /// <summary>Receives telephone-event payloads (implemented by the DTMF receiver).</summary>
    public interface IRtpEventSink
    {
        /// <summary>
        /// One validated telephone-event packet: payload at payload[off, off+len) (a view into the
        /// receive buffer, valid only during the call), its RTP timestamp (the event start) and marker bit.
        /// </summary>
        void OnTelephoneEvent(byte[] payload, int off, int len, uint timestamp, bool marker, long nowMs);
    }
}
