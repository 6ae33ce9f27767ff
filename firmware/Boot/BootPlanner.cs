// Turns a validated configuration into a BootPlan for a real board, or a failure with one clear
// message: unknown board (lists the known ones), a board that fails BoardValidator (every pin
// collision named, e.g. "pin 0: I2S MCLK and keypad row 1"), or a missing `wifi` section. Picks
// the codec driver (ES8388 / ES8311 / none), the microphone ADC driver (ES7210 / none), the I2S controllers (one duplex controller for a
// codec, separate transmit and receive controllers for an I2S amplifier plus an I2S microphone),
// and 8 kHz. Touches no hardware. Pure; cold path (allocates). Depends on BoardRegistry,
// BoardValidator, EndpointConfig.
using System.Collections;
using Endpoint.Boards;
using Endpoint.Config;
using Endpoint.Hal.Drivers;

namespace Endpoint.Boot
{
    /// <summary>Plans a board boot from the configuration.</summary>
    public static class BootPlanner
    {
        /// <summary>
        /// Plans the boot. Returns null with <paramref name="failure"/> (Config or Board) and
        /// <paramref name="error"/> set when the device must not start.
        /// </summary>
        public static BootPlan Plan(EndpointConfig config, out BootFailure failure, out string error)
        {
            failure = BootFailure.None;
            error = null;
            if (config == null)
            {
                failure = BootFailure.Config;
                error = "no configuration";
                return null;
            }
            BoardDefinition board = BoardRegistry.Resolve(config.Board, out error);
            if (board == null)
            {
                failure = BootFailure.Config;
                return null;
            }
            return Plan(board, config, out failure, out error);
        }

        /// <summary>Plans the boot of a given board definition (tests pass modified boards).</summary>
        public static BootPlan Plan(BoardDefinition board, EndpointConfig config, out BootFailure failure, out string error)
        {
            failure = BootFailure.None;
            error = null;
            BoardCheckResult check = BoardValidator.Check(board);
            if (!check.Ok)
            {
                failure = BootFailure.Board;
                error = "board " + (board == null ? "?" : board.Name) + " fails the pin check: " + check.Summary();
                return null;
            }
            if (config.Wifi == null || config.Wifi.Ssid == null)
            {
                failure = BootFailure.Config;
                error = "field 'wifi' is required on board " + board.Name + ": {\"ssid\": ..., \"password\": ...} of the access point to join";
                return null;
            }

            ArrayList notes = new ArrayList();
            for (int i = 0; i < check.Warnings.Length; i++) notes.Add(check.Warnings[i]);

            BootPlan plan = new BootPlan();
            plan.Board = board;
            plan.SampleRate = BootPlan.DefaultSampleRate;
            plan.I2cBus = board.I2cBus;
            plan.I2cSpeedHz = board.I2cSpeedHz;

            if (board.Has(BoardFeature.CodecControl))
            {
                if (board.Codec == AudioPart.Es8388 || board.Codec == AudioPart.Es8311)
                {
                    plan.Codec = board.Codec;
                    plan.CodecAddress = board.CodecAddress;
                }
                else
                {
                    notes.Add("codec part " + ((int)board.Codec).ToString() + " has no driver: no audio");
                }
            }
            I2sPortConfig clocks = board.Speaker != null ? board.Speaker : board.Microphone;
            plan.CodecConfig = new CodecConfig
            {
                MclkMultiple = clocks != null ? clocks.MclkMultiple : 256,
                MicInput = board.CodecMicInput,
            };

            bool codecBoard = board.Has(BoardFeature.CodecControl);
            if (codecBoard && plan.Codec == AudioPart.None)
            {
                plan.AudioPorts = new I2sPlan[0];
            }
            else
            {
                plan.AudioPorts = PlanPorts(board, notes);
            }
            if (board.MicAdc == AudioPart.Es7210 && board.Has(BoardFeature.Microphone) && plan.AudioPorts.Length > 0)
            {
                plan.MicAdc = AudioPart.Es7210;
                plan.MicAdcAddress = board.MicAdcAddress;
                plan.MicAdcConfig = new Es7210Config
                {
                    MclkMultiple = board.Microphone != null ? board.Microphone.MclkMultiple : 256,
                    Mics = Es7210Config.Mic1 | Es7210Config.Mic2,
                    GainDb = plan.CodecConfig.MicGainDb,
                };
            }
            else if (board.MicAdc != AudioPart.None && !board.Has(BoardFeature.Microphone))
                notes.Add("microphone ADC on this board has no driver yet: calls send silence");
            else if (board.MicAdc != AudioPart.None && board.MicAdc != AudioPart.Es7210)
                notes.Add("microphone ADC part " + ((int)board.MicAdc).ToString() + " has no driver: calls send silence");

            plan.Warnings = new string[notes.Count];
            for (int i = 0; i < notes.Count; i++) plan.Warnings[i] = (string)notes[i];
            return plan;
        }

        private static I2sPlan[] PlanPorts(BoardDefinition board, ArrayList notes)
        {
            I2sPortConfig spk = board.Has(BoardFeature.Speaker) ? board.Speaker : null;
            I2sPortConfig mic = board.Has(BoardFeature.Microphone) ? board.Microphone : null;
            if (spk == null && mic == null) return new I2sPlan[0];
            if (spk != null && mic != null && (spk == mic || spk.Bus == mic.Bus))
            {
                I2sPlan duplex = new I2sPlan();
                duplex.Bus = spk.Bus;
                duplex.SlotBits = spk.SlotBits;
                duplex.InputSlot = mic.InputSlot;
                duplex.Transmit = true;
                duplex.Receive = true;
                return new I2sPlan[] { duplex };
            }
            int n = (spk != null ? 1 : 0) + (mic != null ? 1 : 0);
            I2sPlan[] ports = new I2sPlan[n];
            int k = 0;
            if (spk != null)
            {
                I2sPlan p = new I2sPlan();
                p.Bus = spk.Bus;
                p.SlotBits = spk.SlotBits;
                p.Transmit = true;
                ports[k++] = p;
            }
            if (mic != null)
            {
                I2sPlan p = new I2sPlan();
                p.Bus = mic.Bus;
                p.SlotBits = mic.SlotBits;
                p.InputSlot = mic.InputSlot;
                p.Receive = true;
                ports[k++] = p;
            }
            if (spk == null) notes.Add("no speaker on this board");
            if (mic == null && board.MicAdc == AudioPart.None) notes.Add("no microphone on this board: calls send silence");
            return ports;
        }
    }
}
