// ES8388 register map (Everest Semiconductor ES8388 datasheet, register section; the names follow
// the datasheet's "Chip Control", "ADC Control n" and "DAC Control n" numbering, as ESP-ADF's
// es8388.h does). Only the registers this driver touches are named. The ES8388 has no chip-ID
// register. Depends on nothing.
namespace Endpoint.Hal.Drivers
{
    /// <summary>ES8388 registers.</summary>
    public enum Es8388Register : byte
    {
        /// <summary>Chip control 1: bit4 SameFs, bit2 EnRef, bits1..0 VMIDSEL. Default 0x06.</summary>
        Control1 = 0x00,
        /// <summary>Chip control 2: analog/bias power. Default 0x5C.</summary>
        Control2 = 0x01,
        /// <summary>Chip power management: 0x00 all on, 0xF3 state machines held, 0xFF off. Default 0xC3.</summary>
        ChipPower = 0x02,
        /// <summary>ADC power: bits7..4 AIN/ADC power-down, bit3 MICBIAS power-down. Default 0xFC.</summary>
        AdcPower = 0x03,
        /// <summary>DAC power: bits7..6 DAC L/R power-down, bits5..2 LOUT1/ROUT1/LOUT2/ROUT2 enable. Default 0xC0.</summary>
        DacPower = 0x04,
        /// <summary>Master mode control: bit7 MSC (1 = master). Default 0x80.</summary>
        MasterMode = 0x08,
        /// <summary>ADC control 1: MIC PGA gain left (bits7..4) / right (bits3..0), 3 dB steps, 0..24 dB.</summary>
        AdcControl1 = 0x09,
        /// <summary>ADC control 2: LINSEL bits7..6, RINSEL bits5..4 (0 = input 1, 1 = input 2, 3 = differential).</summary>
        AdcControl2 = 0x0A,
        /// <summary>ADC control 3: mono mix / DS.</summary>
        AdcControl3 = 0x0B,
        /// <summary>ADC control 4: bits4..2 word length (3 = 16 bit), bits1..0 format (0 = I2S).</summary>
        AdcControl4 = 0x0C,
        /// <summary>ADC control 5: bit5 FS mode, bits4..0 MCLK/LRCK ratio code.</summary>
        AdcControl5 = 0x0D,
        /// <summary>ADC control 8: left ADC digital volume (0x00 = 0 dB, 0.5 dB steps down).</summary>
        AdcControl8 = 0x10,
        /// <summary>ADC control 9: right ADC digital volume.</summary>
        AdcControl9 = 0x11,
        /// <summary>DAC control 1: bits5..3 word length (3 = 16 bit), bits2..1 format (0 = I2S).</summary>
        DacControl1 = 0x17,
        /// <summary>DAC control 2: bit5 FS mode, bits4..0 MCLK/LRCK ratio code.</summary>
        DacControl2 = 0x18,
        /// <summary>DAC control 3: bit5 soft ramp, bit2 DAC mute. Default 0x22.</summary>
        DacControl3 = 0x19,
        /// <summary>DAC control 4: left DAC digital volume (0x00 = 0 dB, 0xC0 = -96 dB).</summary>
        DacControl4 = 0x1A,
        /// <summary>DAC control 5: right DAC digital volume.</summary>
        DacControl5 = 0x1B,
        /// <summary>DAC control 16: mixer input select.</summary>
        DacControl16 = 0x26,
        /// <summary>DAC control 17: bit7 left DAC to left mixer, bits5..3 bypass volume.</summary>
        DacControl17 = 0x27,
        /// <summary>DAC control 20: bit7 right DAC to right mixer.</summary>
        DacControl20 = 0x2A,
        /// <summary>DAC control 21: bit7 ADC and DAC share LRCK.</summary>
        DacControl21 = 0x2B,
        /// <summary>DAC control 23: VROI.</summary>
        DacControl23 = 0x2D,
        /// <summary>DAC control 24: LOUT1 volume (0x1E = 0 dB, 1.5 dB steps).</summary>
        DacControl24 = 0x2E,
        /// <summary>DAC control 25: ROUT1 volume.</summary>
        DacControl25 = 0x2F,
        /// <summary>DAC control 26: LOUT2 volume.</summary>
        DacControl26 = 0x30,
        /// <summary>DAC control 27: ROUT2 volume.</summary>
        DacControl27 = 0x31,
    }
}
