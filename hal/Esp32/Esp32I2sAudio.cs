// IAudioInput / IAudioOutput over nanoFramework's I2sDevice (System.Device.I2s 1.0). One I2S
// controller as master, PCM in two slots (RightLeft) of 16 or 32 bits; transmit and/or receive on
// the same controller (a codec shares BCLK/WS between its DAC and ADC). Exactly one 20 ms frame per
// Read/Write: on ESP32 the call blocks the interpreter until the DMA takes the data, so the DMA
// buffer is sized to one frame. Conversions run over preallocated byte buffers (PcmPacking), no
// allocation per frame; driver exceptions become AudioResult.DeviceError. Device-only. Pins must
// be routed (IPinMux) before construction.
using System;
using System.Device.I2s;
using Endpoint.Hal.Drivers;

namespace Endpoint.Hal.Esp32
{
    /// <summary>I2S audio on one ESP32 I2S controller.</summary>
    public sealed class Esp32I2sAudio : IAudioInput, IAudioOutput, IDisposable
    {
        private readonly I2sDevice _device;
        private readonly int _sampleRate;
        private readonly int _frameSamples;
        private readonly int _slotBits;
        private readonly int _inputSlot;
        private readonly bool _tx;
        private readonly bool _rx;
        private readonly byte[] _txBuffer;
        private readonly byte[] _rxBuffer;

        /// <summary>
        /// Opens I2S bus busId (1 or 2) as master at sampleRate (8000/16000), slotBits 16 or 32,
        /// transmitting and/or receiving; inputSlot selects the received slot (0 left, 1 right).
        /// </summary>
        public Esp32I2sAudio(int busId, int sampleRate, int slotBits, int inputSlot, bool transmit, bool receive)
        {
            if (!AudioFrame.IsSupportedRate(sampleRate)) throw new ArgumentException("sample rate");
            if (slotBits != 16 && slotBits != 32) throw new ArgumentException("slot bits");
            _sampleRate = sampleRate;
            _frameSamples = AudioFrame.Samples(sampleRate);
            _slotBits = slotBits;
            _inputSlot = inputSlot == 1 ? 1 : 0;
            _tx = transmit;
            _rx = receive;
            int frameBytes = PcmPacking.StereoBytes(_frameSamples, slotBits);
            _txBuffer = transmit ? new byte[frameBytes] : null;
            _rxBuffer = receive ? new byte[frameBytes] : null;

            I2sConnectionSettings settings = new I2sConnectionSettings(busId);
            I2sMode mode = I2sMode.Master;
            if (transmit) mode = mode | I2sMode.Tx;
            if (receive) mode = mode | I2sMode.Rx;
            settings.Mode = mode;
            settings.SampleRate = sampleRate;
            settings.BitsPerSample = slotBits == 32 ? I2sBitsPerSample.Bit32 : I2sBitsPerSample.Bit16;
            settings.ChannelFormat = I2sChannelFormat.RightLeft;
            settings.CommunicationFormat = I2sCommunicationFormat.I2S;
            settings.BufferSize = frameBytes;
            _device = new I2sDevice(settings);
        }

        /// <inheritdoc cref="IAudioInput.SampleRate"/>
        public int SampleRate { get { return _sampleRate; } }

        /// <inheritdoc cref="IAudioInput.FrameSamples"/>
        public int FrameSamples { get { return _frameSamples; } }

        /// <inheritdoc/>
        public int ReadFrame(short[] frame)
        {
            if (!_rx) return AudioResult.NotOpen;
            if (frame == null || frame.Length != _frameSamples) return AudioResult.BadFrame;
            try
            {
                _device.Read(new SpanByte(_rxBuffer));
            }
            catch (Exception)
            {
                return AudioResult.DeviceError;
            }
            PcmPacking.UnpackStereo(_rxBuffer, _frameSamples, _slotBits, _inputSlot, frame);
            return _frameSamples;
        }

        /// <inheritdoc/>
        public int WriteFrame(short[] frame)
        {
            if (!_tx) return AudioResult.NotOpen;
            if (frame == null || frame.Length != _frameSamples) return AudioResult.BadFrame;
            PcmPacking.PackStereo(frame, _frameSamples, _slotBits, _txBuffer);
            try
            {
                _device.Write(new SpanByte(_txBuffer));
            }
            catch (Exception)
            {
                return AudioResult.DeviceError;
            }
            return _frameSamples;
        }

        /// <summary>Stops the I2S controller.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
