// Conversion between the endpoint's PCM16 mono frames and the byte layout of an I2S DMA buffer:
// little-endian samples in two slots per frame (left = slot 0, right = slot 1), 16 or 32 bits per
// slot. Output duplicates the mono sample into both slots (any stereo DAC or a mono amplifier
// mixing L+R plays it); input takes one slot and keeps the top 16 bits (a 24-in-32-bit MEMS
// microphone such as the INMP441 becomes PCM16). Depends on nothing. Allocates nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>PCM16 mono &lt;-&gt; I2S slot bytes.</summary>
    public static class PcmPacking
    {
        /// <summary>Bytes of an I2S buffer holding samples stereo frames of slotBits each.</summary>
        public static int StereoBytes(int samples, int slotBits) { return samples * 2 * (slotBits / 8); }

        /// <summary>Writes count samples into both slots of dst (16 or 32-bit slots, little-endian).</summary>
        public static void PackStereo(short[] mono, int count, int slotBits, byte[] dst)
        {
            int j = 0;
            if (slotBits == 32)
            {
                for (int i = 0; i < count; i++)
                {
                    int v = mono[i];
                    byte lo = (byte)v;
                    byte hi = (byte)(v >> 8);
                    dst[j] = 0; dst[j + 1] = 0; dst[j + 2] = lo; dst[j + 3] = hi;
                    dst[j + 4] = 0; dst[j + 5] = 0; dst[j + 6] = lo; dst[j + 7] = hi;
                    j += 8;
                }
                return;
            }
            for (int i = 0; i < count; i++)
            {
                int v = mono[i];
                byte lo = (byte)v;
                byte hi = (byte)(v >> 8);
                dst[j] = lo; dst[j + 1] = hi; dst[j + 2] = lo; dst[j + 3] = hi;
                j += 4;
            }
        }

        /// <summary>Reads count samples from slot (0 = left, 1 = right) of src, keeping the top 16 bits.</summary>
        public static void UnpackStereo(byte[] src, int count, int slotBits, int slot, short[] mono)
        {
            int bytesPerSlot = slotBits / 8;
            int stride = bytesPerSlot * 2;
            int j = slot * bytesPerSlot + bytesPerSlot - 2; // the two most significant bytes
            for (int i = 0; i < count; i++)
            {
                mono[i] = (short)(src[j] | (src[j + 1] << 8));
                j += stride;
            }
        }
    }
}
