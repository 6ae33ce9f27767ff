// ES8311 register map (Everest Semiconductor ES8311 datasheet / user guide register table; the
// same addresses appear in ESP-ADF's es8311.h). Only the registers this driver touches are named.
// Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8311 registers.</summary>
    public enum Es8311Register : byte
    {
        /// <summary>Reset: bit7 CSM_ON (state machine on), bit6 MSC (1 = master), bits4..0 soft resets.</summary>
        Reset = 0x00,
        /// <summary>Clock manager 1: bit7 MCLK from BCLK, bit6 MCLK invert, bits5..0 clock enables.</summary>
        ClockManager1 = 0x01,
        /// <summary>Clock manager 2: bits7..5 PRE_DIV-1, bits4..3 PRE_MULTI (x1,x2,x4,x8).</summary>
        ClockManager2 = 0x02,
        /// <summary>Clock manager 3: bit6 ADC FS mode (0 single speed), bits5..0 ADC OSR.</summary>
        ClockManager3 = 0x03,
        /// <summary>Clock manager 4: bits6..0 DAC OSR.</summary>
        ClockManager4 = 0x04,
        /// <summary>Clock manager 5: bits7..4 ADC clock divider-1, bits3..0 DAC clock divider-1.</summary>
        ClockManager5 = 0x05,
        /// <summary>Clock manager 6: bit5 BCLK invert, bits4..0 BCLK divider (master mode).</summary>
        ClockManager6 = 0x06,
        /// <summary>Clock manager 7: bits3..0 LRCK divider high (master mode).</summary>
        ClockManager7 = 0x07,
        /// <summary>Clock manager 8: LRCK divider low (master mode).</summary>
        ClockManager8 = 0x08,
        /// <summary>Serial data port in (DAC): bit6 mute, bits4..2 word length (3 = 16 bit), bits1..0 format (0 = I2S).</summary>
        SdpIn = 0x09,
        /// <summary>Serial data port out (ADC): same layout as SdpIn.</summary>
        SdpOut = 0x0A,
        /// <summary>System: power-up timing 1.</summary>
        System0B = 0x0B,
        /// <summary>System: power-up timing 2.</summary>
        System0C = 0x0C,
        /// <summary>System: analog power (0x01 up, 0xFA down).</summary>
        AnalogPower = 0x0D,
        /// <summary>System: PGA and ADC modulator power (0x02 up, 0xFF down).</summary>
        AdcPower = 0x0E,
        /// <summary>System: low-power / reference settings.</summary>
        System10 = 0x10,
        /// <summary>System: low-power / reference settings.</summary>
        System11 = 0x11,
        /// <summary>System: DAC power (0x00 up, 0x02 down).</summary>
        DacPower = 0x12,
        /// <summary>System: headphone/output driver enable (0x10 on).</summary>
        OutputDriver = 0x13,
        /// <summary>System: bit6 digital mic, bit4 MIC1P/N analog input select, bits3..0 PGA gain (3 dB steps).</summary>
        MicSelect = 0x14,
        /// <summary>ADC: ramp rate.</summary>
        AdcRamp = 0x15,
        /// <summary>ADC: bits2..0 ADC gain scale (6 dB steps).</summary>
        AdcScale = 0x16,
        /// <summary>ADC: digital volume (0xBF = 0 dB).</summary>
        AdcVolume = 0x17,
        /// <summary>ADC: high-pass filter / ALC settings.</summary>
        AdcHpf1 = 0x1B,
        /// <summary>ADC: equalizer bypass and high-pass filter.</summary>
        AdcHpf2 = 0x1C,
        /// <summary>DAC: bits6..5 mute (0x60 = muted).</summary>
        DacMute = 0x31,
        /// <summary>DAC: digital volume, 0.5 dB steps (0x00 = -95.5 dB, 0xBF = 0 dB).</summary>
        DacVolume = 0x32,
        /// <summary>DAC: ramp rate and equalizer bypass.</summary>
        DacRamp = 0x37,
        /// <summary>GPIO/general: 0x00 normal, 0x01 for suspend.</summary>
        General45 = 0x45,
        /// <summary>Chip ID 1 (reads 0x83).</summary>
        ChipId1 = 0xFD,
        /// <summary>Chip ID 2 (reads 0x11).</summary>
        ChipId2 = 0xFE,
        /// <summary>Chip version.</summary>
        ChipVersion = 0xFF,
    }
}
