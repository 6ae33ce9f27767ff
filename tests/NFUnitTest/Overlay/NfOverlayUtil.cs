// Helpers for the device-portable overlay tests: ASCII/UTF-8 bytes, a deterministic random
// source and a site-key signer. Device code: nanoFramework stable APIs only.
using Endpoint.Crypto;
using Endpoint.Overlay.Records;

namespace Endpoint.NFUnitTest.Overlay
{
    internal sealed class CountingRandom : IRandomSource
    {
        private int _next;

        public CountingRandom(int seed) { _next = seed; }

        public void NextBytes(byte[] buf, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _next = _next * 1103515245 + 12345;
                buf[offset + i] = (byte)(_next >> 16);
            }
        }
    }

    internal static class NfOverlayUtil
    {
        public static byte[] Bytes(string s) { return System.Text.Encoding.UTF8.GetBytes(s); }

        public static string Text(byte[] b, int offset, int count) { return System.Text.Encoding.UTF8.GetString(b, offset, count); }

        public static RecordSigner Signer(byte seed)
        {
            byte[] key = new byte[32];
            for (int i = 0; i < 32; i++) key[i] = (byte)(seed * 31 + i);
            return new RecordSigner(new ManagedHmacSha256(key));
        }
    }
}
