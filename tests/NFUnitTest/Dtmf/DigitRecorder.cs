// Test helper: an IDigitSink that records digits, durations and sources. Device-portable.
using Endpoint.Media.Dtmf;

namespace Endpoint.NFUnitTest.Dtmf
{
    /// <summary>Records reported digits.</summary>
    public sealed class DigitRecorder : IDigitSink
    {
        /// <summary>All digits in order.</summary>
        public string Digits = "";

        /// <summary>Duration of the last digit.</summary>
        public int LastDuration = -1;

        /// <summary>Source of the last digit.</summary>
        public DtmfSource LastSource;

        /// <summary>Records one digit.</summary>
        public void OnDigit(char digit, int durationMs, DtmfSource source)
        {
            Digits += digit.ToString();
            LastDuration = durationMs;
            LastSource = source;
        }
    }
}
