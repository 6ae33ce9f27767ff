// ES7210 four-channel microphone ADC register map. Sources: the register names and addresses of
// Espressif's ES7210 drivers (ESP-ADF components/audio_hal/driver/es7210/es7210.h and
// components/esp_codec_dev/device/es7210/es7210_reg.h, both written from the Everest ES7210 user
// guide), and the Everest ES7210 datasheet (Rev 2.0, "High Performance Four Channels Audio ADC":
// pins SDOUT1/TDMOUT, SDOUT2/TDMIN, AD0/AD1, I2C CCLK/CDATA, 256/384 fs clocks, TDM). The
// datasheet copy seen has no register table, so bit meanings below are as those drivers use them.
// UNCONFIRMED: the chip-ID registers 0x3D/0x3E (two third-party drivers disagree on them; no
// Espressif or Everest source was found), see Es7210Adc.ExpectedId1.
// Only the registers this driver touches are named. Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES7210 registers.</summary>
    public enum Es7210Register : byte
    {
        /// <summary>Reset control: 0xFF resets all, 0x41 normal operation, 0x71 then 0x41 restarts the state machine.</summary>
        Reset = 0x00,
        /// <summary>Clock off: 1 = clock gated. 0x3F all ADC clocks off; clearing 0x0B runs ADC1/2, clearing 0x15 runs ADC3/4; 0x7F in power-down.</summary>
        ClockOff = 0x01,
        /// <summary>Main clock: bit7 DLL, bit6 clock doubler, bits4..0 ADC clock divider.</summary>
        MainClock = 0x02,
        /// <summary>Master clock: bit7 MCLK source in master mode (0 pad, 1 clock doubler); SCLK divider.</summary>
        MasterClock = 0x03,
        /// <summary>LRCK divider bits 11..8 (master mode).</summary>
        LrckDivHigh = 0x04,
        /// <summary>LRCK divider bits 7..0 (master mode).</summary>
        LrckDivLow = 0x05,
        /// <summary>Power down: 0x00 all up, 0x07 down.</summary>
        PowerDown = 0x06,
        /// <summary>ADC oversampling ratio (0x20 with the 512 x fs ADC clock).</summary>
        Osr = 0x07,
        /// <summary>Mode config: bit0 master (1) / slave (0); other bits left as they are.</summary>
        ModeConfig = 0x08,
        /// <summary>Chip initial-state period.</summary>
        TimeControl0 = 0x09,
        /// <summary>Power-up state period.</summary>
        TimeControl1 = 0x0A,
        /// <summary>Serial port 1: bits7..5 word length (0 = 24, 3 = 16, 4 = 32 bit), bits1..0 format (0 I2S, 1 left-justified, 3 DSP).</summary>
        SdpInterface1 = 0x11,
        /// <summary>Serial port 2: 0x00 normal I2S on SDOUT1/SDOUT2, 0x02 TDM on SDOUT1/TDMOUT.</summary>
        SdpInterface2 = 0x12,
        /// <summary>ADC3/ADC4 mute: bits1..0.</summary>
        Adc34Mute = 0x14,
        /// <summary>ADC1/ADC2 mute: bit0 ADC1, bit1 ADC2.</summary>
        Adc12Mute = 0x15,
        /// <summary>ADC3/4 high-pass filter 2.</summary>
        Adc34Hpf2 = 0x20,
        /// <summary>ADC3/4 high-pass filter 1.</summary>
        Adc34Hpf1 = 0x21,
        /// <summary>ADC1/2 high-pass filter 1.</summary>
        Adc12Hpf1 = 0x22,
        /// <summary>ADC1/2 high-pass filter 2.</summary>
        Adc12Hpf2 = 0x23,
        /// <summary>Chip ID 1 (UNCONFIRMED address and value, see Es7210Adc.ExpectedId1).</summary>
        ChipId1 = 0x3D,
        /// <summary>Chip ID 0 (UNCONFIRMED address and value, see Es7210Adc.ExpectedId0).</summary>
        ChipId0 = 0x3E,
        /// <summary>Analog: 0x43 analog on (VDDA 3.3 V, VMID 5 kOhm start), 0xC0 off.</summary>
        Analog = 0x40,
        /// <summary>MIC1/MIC2 bias voltage (0x70 = 2.87 V).</summary>
        Mic12Bias = 0x41,
        /// <summary>MIC3/MIC4 bias voltage (0x70 = 2.87 V).</summary>
        Mic34Bias = 0x42,
        /// <summary>MIC1 PGA: bit4 input enable, bits3..0 gain code (0..14: 0..33 dB in 3 dB steps, 34.5, 36, 37.5 dB).</summary>
        Mic1Gain = 0x43,
        /// <summary>MIC2 PGA, same layout as Mic1Gain.</summary>
        Mic2Gain = 0x44,
        /// <summary>MIC3 PGA, same layout as Mic1Gain.</summary>
        Mic3Gain = 0x45,
        /// <summary>MIC4 PGA, same layout as Mic1Gain.</summary>
        Mic4Gain = 0x46,
        /// <summary>MIC1 power: 0x08 on, 0xFF off.</summary>
        Mic1Power = 0x47,
        /// <summary>MIC2 power: 0x08 on, 0xFF off.</summary>
        Mic2Power = 0x48,
        /// <summary>MIC3 power: 0x08 on, 0xFF off.</summary>
        Mic3Power = 0x49,
        /// <summary>MIC4 power: 0x08 on, 0xFF off.</summary>
        Mic4Power = 0x4A,
        /// <summary>MIC1/2 bias, ADC and PGA power: 0x00 on, 0xFF off.</summary>
        Mic12Power = 0x4B,
        /// <summary>MIC3/4 bias, ADC and PGA power: 0x00 on, 0xFF off.</summary>
        Mic34Power = 0x4C,
    }
}
