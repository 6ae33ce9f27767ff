// Boot check of a BoardDefinition: every GPIO the board uses is listed with its purpose, then
//  - it must exist on the SoC and not be taken by flash, PSRAM or the UART0 debug link;
//  - an output must not sit on an input-only pin (ESP32 GPIO34-39);
//  - a line that needs an internal pull-up must have one (not ESP32 GPIO34-39);
//  - no two uses may share a pin; the message names both ("pin 0: I2S MCLK and keypad row 1");
//  - ESP32 I2S MCLK only on GPIO0/1/3; two ports on one I2S controller must share their clocks;
//  - features must match the data (a keypad needs rows, columns and a key map of rows x columns).
// Strapping pins only warn (vendor boards use GPIO0 for MCLK). Depends on BoardDefinition,
// SocPins, BoardCheckResult. Cold path; uses ArrayList.
using System.Collections;

namespace Endpoint.Boards
{
    /// <summary>Validates board definitions.</summary>
    public static class BoardValidator
    {
        private sealed class PinUse
        {
            public int Pin;
            public string Name;
            public bool Output;
            public bool NeedsPull;
        }

        /// <summary>Checks a board; never throws for bad data (a null board is an error result).</summary>
        public static BoardCheckResult Check(BoardDefinition board)
        {
            ArrayList errors = new ArrayList();
            ArrayList warnings = new ArrayList();
            if (board == null)
            {
                errors.Add("no board definition");
                return Result(errors, warnings);
            }
            ArrayList uses = new ArrayList();
            CollectUses(board, uses, errors);
            CheckPins(board, uses, errors, warnings);
            CheckFeatures(board, errors);
            return Result(errors, warnings);
        }

        private static void CollectUses(BoardDefinition b, ArrayList uses, ArrayList errors)
        {
            Add(uses, b.I2cSda, "I2C SDA", true, false);
            Add(uses, b.I2cScl, "I2C SCL", true, false);

            I2sPortConfig spk = b.Speaker;
            I2sPortConfig mic = b.Microphone;
            if (spk != null) AddPort(uses, spk, "I2S", b.Soc, errors);
            if (mic != null && mic != spk)
            {
                if (spk != null && mic.Bus == spk.Bus)
                {
                    if (mic.Bclk != spk.Bclk || mic.Ws != spk.Ws || mic.Mclk != spk.Mclk)
                        errors.Add("I2S bus " + mic.Bus.ToString() + ": speaker and microphone share the controller but not its clock pins");
                    if (mic.Din != spk.Din) Add(uses, mic.Din, "I2S DIN", false, false);
                }
                else
                {
                    AddPort(uses, mic, "mic I2S", b.Soc, errors);
                }
            }

            Add(uses, b.AmpEnablePin, "amplifier enable", true, false);

            for (int i = 0; i < b.KeypadRows.Length; i++)
                Add(uses, b.KeypadRows[i], "keypad row " + (i + 1).ToString(), b.KeypadDriveRows, !b.KeypadDriveRows && !b.KeypadExternalPullUps);
            for (int i = 0; i < b.KeypadColumns.Length; i++)
                Add(uses, b.KeypadColumns[i], "keypad column " + (i + 1).ToString(), !b.KeypadDriveRows, b.KeypadDriveRows && !b.KeypadExternalPullUps);

            Add(uses, b.HookPin, "hook switch", false, b.HookPullUp);
            Add(uses, b.CallButtonPin, "call button", false, b.CallButtonPullUp);
            for (int i = 0; i < b.Leds.Length; i++) Add(uses, b.Leds[i].Pin, "LED " + b.Leds[i].Name, true, false);
            Add(uses, b.RelayPin, "door relay", true, false);
            Add(uses, b.HeadphoneDetectPin, "headphone detect", false, false);
            for (int i = 0; i < b.OtherPins.Length; i++) Add(uses, b.OtherPins[i].Pin, b.OtherPins[i].Use, b.OtherPins[i].Output, false);
        }

        private static void AddPort(ArrayList uses, I2sPortConfig p, string prefix, SocKind soc, ArrayList errors)
        {
            Add(uses, p.Mclk, prefix + " MCLK", true, false);
            Add(uses, p.Bclk, prefix + " BCLK", true, false);
            Add(uses, p.Ws, prefix + " WS", true, false);
            Add(uses, p.Dout, prefix + " DOUT", true, false);
            Add(uses, p.Din, prefix + " DIN", false, false);
            if (p.Mclk >= 0 && !SocPins.CanOutputMclk(soc, p.Mclk))
                errors.Add("pin " + p.Mclk.ToString() + ": " + prefix + " MCLK must be GPIO0, 1 or 3 on " + SocPins.SocName(soc));
            if (p.Bus != 1 && p.Bus != 2) errors.Add(prefix + ": I2S bus " + p.Bus.ToString() + " does not exist (1 or 2)");
            if (p.SlotBits != 16 && p.SlotBits != 32) errors.Add(prefix + ": slot width " + p.SlotBits.ToString() + " bits (16 or 32)");
        }

        private static void Add(ArrayList uses, int pin, string name, bool output, bool needsPull)
        {
            if (pin < 0) return;
            PinUse u = new PinUse();
            u.Pin = pin;
            u.Name = name;
            u.Output = output;
            u.NeedsPull = needsPull;
            uses.Add(u);
        }

        private static void CheckPins(BoardDefinition b, ArrayList uses, ArrayList errors, ArrayList warnings)
        {
            for (int i = 0; i < uses.Count; i++)
            {
                PinUse u = (PinUse)uses[i];
                string at = "pin " + u.Pin.ToString() + ": ";
                if (!SocPins.Exists(b.Soc, u.Pin))
                {
                    errors.Add(at + u.Name + " is not a GPIO on " + SocPins.SocName(b.Soc));
                    continue;
                }
                string reserved = SocPins.Reserved(b.Soc, b.Psram, u.Pin);
                if (reserved != null) errors.Add(at + reserved + " and " + u.Name);
                if (u.Output && SocPins.InputOnly(b.Soc, u.Pin))
                    errors.Add(at + u.Name + " is an output but GPIO34-39 are input-only");
                if (u.NeedsPull && !SocPins.HasInternalPull(b.Soc, u.Pin))
                    errors.Add(at + u.Name + " needs the internal pull-up but GPIO34-39 have none (fit external pull-ups)");
                if (SocPins.Strapping(b.Soc, u.Pin))
                    warnings.Add(at + u.Name + " is a strapping pin: nothing may pull it at reset");
                for (int j = 0; j < i; j++)
                {
                    PinUse v = (PinUse)uses[j];
                    if (v.Pin == u.Pin)
                    {
                        errors.Add(at + v.Name + " and " + u.Name);
                        break;
                    }
                }
            }
        }

        private static void CheckFeatures(BoardDefinition b, ArrayList errors)
        {
            if (b.Has(BoardFeature.Speaker) && (b.Speaker == null || b.Speaker.Dout < 0 || b.Speaker.Bclk < 0 || b.Speaker.Ws < 0))
                errors.Add("feature speaker: no I2S port with BCLK, WS and DOUT");
            if (b.Has(BoardFeature.Microphone) && (b.Microphone == null || b.Microphone.Din < 0 || b.Microphone.Bclk < 0 || b.Microphone.Ws < 0))
                errors.Add("feature microphone: no I2S port with BCLK, WS and DIN");
            if (b.Has(BoardFeature.CodecControl))
            {
                if (b.Codec == AudioPart.None || b.CodecAddress < 0 || b.CodecAddress > 0x7F)
                    errors.Add("feature codec-control: no codec or bad 7-bit address");
                if (b.I2cSda < 0 || b.I2cScl < 0) errors.Add("feature codec-control: I2C pins missing");
                if (b.I2cBus != 1 && b.I2cBus != 2) errors.Add("I2C bus " + b.I2cBus.ToString() + " does not exist (1 or 2)");
            }
            bool keypad = b.Has(BoardFeature.Keypad);
            int keys = b.KeypadRows.Length * b.KeypadColumns.Length;
            if (keypad && (keys == 0 || b.KeyMap == null || b.KeyMap.Length != keys))
                errors.Add("feature keypad: needs rows, columns and a key map of rows x columns characters");
            if (!keypad && keys > 0) errors.Add("keypad pins given but feature keypad not set");
            if (b.Has(BoardFeature.HookSwitch) != (b.HookPin >= 0)) errors.Add("feature hook-switch and hook pin disagree");
            if (b.Has(BoardFeature.CallButton) != (b.CallButtonPin >= 0)) errors.Add("feature call-button and button pin disagree");
            if (b.Has(BoardFeature.DoorRelay) != (b.RelayPin >= 0)) errors.Add("feature door-relay and relay pin disagree");
            if (b.Has(BoardFeature.Leds) != (b.Leds.Length > 0)) errors.Add("feature leds and LED list disagree");
            if (b.Has(BoardFeature.HeadphoneDetect) != (b.HeadphoneDetectPin >= 0)) errors.Add("feature headphone-detect and pin disagree");
            if (b.Has(BoardFeature.Psram) != (b.Psram != PsramKind.None)) errors.Add("feature psram and module PSRAM disagree");
        }

        private static BoardCheckResult Result(ArrayList errors, ArrayList warnings)
        {
            string[] e = new string[errors.Count];
            for (int i = 0; i < e.Length; i++) e[i] = (string)errors[i];
            string[] w = new string[warnings.Count];
            for (int i = 0; i < w.Length; i++) w[i] = (string)warnings[i];
            return new BoardCheckResult(e, w);
        }
    }
}
