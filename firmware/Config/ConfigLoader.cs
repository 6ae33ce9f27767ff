// Loads and validates the endpoint configuration (see EndpointConfig for the fields and
// README.md for their defaults). Every problem is reported as one message that names the file,
// the field and what is expected; nothing is half-applied: the caller gets either a complete
// validated EndpointConfig or an error. Depends on Endpoint.Json, ConfigFields, HostPort.
using System;
using Endpoint.Json;

namespace Endpoint.Config
{
    /// <summary>Parses configuration JSON into an <see cref="EndpointConfig"/>.</summary>
    public static class ConfigLoader
    {
        /// <summary>Largest configuration file accepted, in bytes.</summary>
        public const int MaxConfigBytes = 16384;

        private static readonly string[] RootFields = { "board", "sip", "media", "audio", "overlay", "intercom", "provisioning", "wifi", "phone" };
        private static readonly string[] SipFields = { "listen", "user", "domain", "password", "authUser", "displayName", "registrar", "outboundProxy", "transport", "expires", "keepAlive", "t1", "profile" };
        private static readonly string[] MediaFields = { "rtpPorts", "codecs", "ptime", "dtmfPayloadType", "rtpTimeout", "echoSuppression", "toneRegion" };
        private static readonly string[] ToneRegions = { "us", "etsi", "uk", "de" };
        private static readonly string[] AudioFields = { "input", "output" };
        private static readonly string[] OverlayFields = { "aor", "supernodes", "siteKey", "buddies" };
        private static readonly string[] IntercomFields = { "targets", "allow", "doorCode", "relayPulseMs", "mode", "ringSeconds", "buttonEndsCall", "codeAttempts" };
        private static readonly string[] IntercomModes = { "sequential", "parallel" };
        private static readonly string[] WifiFields = { "ssid", "password" };
        private static readonly string[] PhoneFields = PhoneConfigReader.Fields;
        private static readonly string[] Transports = { "udp", "tcp" };
        private static readonly string[] SipProfiles = { "default", "small" };
        private static readonly string[] KnownCodecs = { "PCMU", "PCMA" };

        /// <summary>
        /// Parses and validates configuration bytes. Returns null and sets <paramref name="error"/>
        /// to "SOURCE: ..." on any problem.
        /// </summary>
        public static EndpointConfig Load(byte[] data, int offset, int count, string source, out string error)
        {
            error = null;
            if (count > MaxConfigBytes) { error = source + ": file is " + count + " bytes, more than the " + MaxConfigBytes + " allowed"; return null; }
            var parser = new JsonParser(2048);
            JsonNode root = parser.Parse(data, offset, count);
            if (root == null) { error = source + ": not valid JSON: " + parser.Error; return null; }
            if (root.Kind != JsonKind.Object) { error = source + ": expected a JSON object at the top level, got " + ConfigFields.Show(root); return null; }
            string why;
            EndpointConfig cfg = FromJson(root, out why);
            if (cfg == null) { error = source + ": " + why; return null; }
            return cfg;
        }

        /// <summary>Validates a parsed document.</summary>
        public static EndpointConfig FromJson(JsonNode root, out string error)
        {
            var f = new ConfigFields(root, "", RootFields);
            var cfg = new EndpointConfig();
            cfg.Board = f.String("board", cfg.Board, false);

            ConfigFields sip = f.Section("sip", SipFields);
            if (sip != null && sip.Error == null) ReadSip(sip, cfg.Sip);
            if (sip != null && sip.Error != null) { error = sip.Error; return null; }

            ConfigFields media = f.Section("media", MediaFields);
            if (media != null && media.Error == null) ReadMedia(media, cfg.Media);
            if (media != null && media.Error != null) { error = media.Error; return null; }

            ConfigFields audio = f.Section("audio", AudioFields);
            if (audio != null && audio.Error == null)
            {
                cfg.Audio = new AudioConfig();
                cfg.Audio.Input = audio.String("input", null, false);
                cfg.Audio.Output = audio.String("output", null, false);
            }
            if (audio != null && audio.Error != null) { error = audio.Error; return null; }

            ConfigFields overlay = f.Section("overlay", OverlayFields);
            if (overlay != null && overlay.Error == null) cfg.Overlay = ReadOverlay(overlay);
            if (overlay != null && overlay.Error != null) { error = overlay.Error; return null; }

            ConfigFields intercom = f.Section("intercom", IntercomFields);
            if (intercom != null && intercom.Error == null) cfg.Intercom = ReadIntercom(intercom);
            if (intercom != null && intercom.Error != null) { error = intercom.Error; return null; }

            ConfigFields provisioning = f.Section("provisioning", ProvisioningConfig.Fields);
            if (provisioning != null && provisioning.Error == null) cfg.Provisioning = ProvisioningConfig.Read(provisioning);
            if (provisioning != null && provisioning.Error != null) { error = provisioning.Error; return null; }
            ConfigFields wifi = f.Section("wifi", WifiFields);
            if (wifi != null && wifi.Error == null) cfg.Wifi = ReadWifi(wifi);
            if (wifi != null && wifi.Error != null) { error = wifi.Error; return null; }

            ConfigFields phone = f.Section("phone", PhoneFields);
            if (phone != null && phone.Error != null) { error = phone.Error; return null; }
            if (phone != null && (cfg.Phone = PhoneConfigReader.Read(phone, out error)) == null) return null;

            if (cfg.Sip.Domain == null) cfg.Sip.Domain = cfg.Sip.Registrar != null ? cfg.Sip.Registrar.Host : cfg.Sip.Listen.Host;
            error = f.Error;
            return error == null ? cfg : null;
        }

        private static void ReadSip(ConfigFields f, SipConfig s)
        {
            s.Listen = f.Address("listen", 5060, true, s.Listen);
            s.User = f.String("user", s.User, false);
            if (!IsSipUser(s.User)) f.Fail("user", "a SIP user name (letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /)", f.Raw("user"));
            s.Domain = f.String("domain", null, false);
            s.Password = f.String("password", null, false);
            s.AuthUser = f.String("authUser", null, false);
            s.DisplayName = f.String("displayName", null, false);
            s.Registrar = f.Address("registrar", 5060, null);
            s.OutboundProxy = f.Address("outboundProxy", 5060, null);
            s.Transport = f.Choice("transport", Transports, s.Transport);
            s.Expires = f.Int("expires", 60, 86400, s.Expires);
            s.KeepAliveSeconds = f.Int("keepAlive", 5, 30, s.KeepAliveSeconds);
            s.T1Ms = f.Int("t1", 100, 5000, s.T1Ms);
            s.Profile = f.Choice("profile", SipProfiles, s.Profile);
            if (s.Registrar != null && s.Password == null && f.Error == null)
            {
                // Allowed: some registrars accept unauthenticated REGISTER. Nothing to check.
            }
        }

        private static void ReadMedia(ConfigFields f, MediaConfig m)
        {
            JsonNode ports = f.Raw("rtpPorts");
            if (ports != null && ports.Kind != JsonKind.Null)
            {
                int lo, hi;
                if (ports.Kind != JsonKind.String || !ParseRange(ports.Text, out lo, out hi) || lo > hi || hi - lo < 1)
                    f.Fail("rtpPorts", "a port range \"LOW-HIGH\" within 1024-65535 holding at least two ports", ports);
                else { m.RtpPortMin = (lo & 1) == 1 ? lo + 1 : lo; m.RtpPortMax = hi; }
            }
            string[] codecs = f.Strings("codecs", m.Codecs);
            if (codecs.Length == 0) f.Fail("codecs", "at least one of PCMU, PCMA", f.Raw("codecs"));
            for (int i = 0; i < codecs.Length; i++)
            {
                bool ok = false;
                for (int k = 0; k < KnownCodecs.Length; k++) if (KnownCodecs[k] == codecs[i]) ok = true;
                if (!ok) { f.Fail("codecs[" + i + "]", "PCMU or PCMA", f.Raw("codecs").At(i)); break; }
            }
            m.Codecs = codecs;
            m.PtimeMs = f.Int("ptime", 10, 40, m.PtimeMs);
            if (m.PtimeMs % 10 != 0) f.Fail("ptime", "10, 20, 30 or 40", f.Raw("ptime"));
            m.DtmfPayloadType = f.Int("dtmfPayloadType", 96, 127, m.DtmfPayloadType);
            m.RtpTimeoutSeconds = f.Int("rtpTimeout", 0, 3600, m.RtpTimeoutSeconds);
            JsonNode echo = f.Raw("echoSuppression");
            if (echo != null && echo.Kind != JsonKind.Null) m.EchoSuppression = f.Bool("echoSuppression", false) ? 1 : 0;
            m.ToneRegion = f.Choice("toneRegion", ToneRegions, m.ToneRegion);
        }

        private static OverlayConfig ReadOverlay(ConfigFields f)
        {
            var o = new OverlayConfig();
            o.Aor = f.String("aor", null, true);
            if (o.Aor != null && !IsAor(o.Aor)) f.Fail("aor", "an address-of-record like \"alice@home.example\"", f.Raw("aor"));
            string[] nodes = f.Strings("supernodes", null);
            if (nodes == null || nodes.Length == 0) f.Fail("supernodes", "a non-empty array of \"host:port\" supernode addresses", f.Raw("supernodes"));
            else
            {
                o.Supernodes = new HostPort[nodes.Length];
                for (int i = 0; i < nodes.Length; i++)
                {
                    string why;
                    o.Supernodes[i] = HostPort.Parse(nodes[i], 80, out why);
                    if (o.Supernodes[i] == null) { f.Fail("supernodes[" + i + "]", "\"host:port\" (" + why + ")", f.Raw("supernodes").At(i)); break; }
                }
            }
            string key = f.String("siteKey", null, true);
            if (key != null)
            {
                o.SiteKey = DecodeBase64(key);
                if (o.SiteKey == null || o.SiteKey.Length != 32) f.Fail("siteKey", "base64 of exactly 32 bytes", f.Raw("siteKey"));
            }
            o.Buddies = f.Strings("buddies", o.Buddies);
            for (int i = 0; i < o.Buddies.Length; i++)
            {
                if (!IsAor(o.Buddies[i])) { f.Fail("buddies[" + i + "]", "an address-of-record like \"bob@home.example\"", f.Raw("buddies").At(i)); break; }
            }
            return o;
        }

        private static IntercomConfig ReadIntercom(ConfigFields f)
        {
            var c = new IntercomConfig();
            c.Targets = f.Strings("targets", c.Targets);
            c.Allow = f.Strings("allow", c.Allow);
            c.DoorCode = f.String("doorCode", null, false);
            if (c.DoorCode != null && !IsDtmfCode(c.DoorCode)) f.Fail("doorCode", "1 to 16 DTMF digits (0-9 * # A-D)", f.Raw("doorCode"));
            c.RelayPulseMs = f.Int("relayPulseMs", 100, 60000, c.RelayPulseMs);
            c.Mode = f.Choice("mode", IntercomModes, c.Mode);
            c.RingSeconds = f.Int("ringSeconds", 5, 300, c.RingSeconds);
            c.ButtonEndsCall = f.Bool("buttonEndsCall", c.ButtonEndsCall);
            c.CodeAttempts = f.Int("codeAttempts", 1, 10, c.CodeAttempts);
            for (int i = 0; i < c.Targets.Length; i++)
            {
                if (!IsTarget(c.Targets[i])) { f.Fail("targets[" + i + "]", "a SIP URI, user@host[:port] or a user/number (no spaces, quotes or angle brackets)", f.Raw("targets").At(i)); break; }
            }
            if (c.Parallel && c.Targets.Length > IntercomConfig.MaxParallelTargets)
                f.Fail("targets", "at most " + IntercomConfig.MaxParallelTargets + " targets with \"mode\": \"parallel\" (one call slot each)", f.Raw("targets"));
            for (int i = 0; i < c.Allow.Length; i++)
            {
                string a = c.Allow[i];
                bool ok = a.IndexOf('@') < 0 && !a.StartsWith("sip:") && !a.StartsWith("sips:") ? IsSipUser(a) : IsAor(a.StartsWith("sips:") ? a.Substring(5) : a);
                if (!ok) { f.Fail("allow[" + i + "]", "sip:user@host[:port], user@host[:port] or a bare user (meaning user@sip.domain)", f.Raw("allow").At(i)); break; }
            }
            return c;
        }

        private static WifiConfig ReadWifi(ConfigFields f)
        {
            var w = new WifiConfig();
            w.Ssid = f.String("ssid", null, true);
            if (w.Ssid != null)
            {
                int bytes = System.Text.Encoding.UTF8.GetBytes(w.Ssid).Length;
                if (bytes < 1 || bytes > 32) f.Fail("ssid", "a network name of 1 to 32 bytes", f.Raw("ssid"));
            }
            w.Password = f.String("password", null, false);
            if (w.Password != null && w.Password.Length == 0) w.Password = null; // "" = open network
            if (w.Password != null && !IsWifiPassphrase(w.Password))
                f.Fail("password", "a WPA2 passphrase of 8 to 63 printable ASCII characters or 64 hex digits (or \"\" for an open network)", f.Raw("password"));
            return w;
        }

        /// <summary>True for a WPA2-PSK passphrase (IEEE 802.11i: 8..63 ASCII 32..126) or a raw 64-hex-digit PSK.</summary>
        public static bool IsWifiPassphrase(string s)
        {
            if (s.Length == 64)
            {
                for (int i = 0; i < 64; i++) if ("0123456789abcdefABCDEF".IndexOf(s[i]) < 0) return false;
                return true;
            }
            if (s.Length < 8 || s.Length > 63) return false;
            for (int i = 0; i < s.Length; i++) if (s[i] < ' ' || s[i] > '~') return false;
            return true;
        }

        /// <summary>Parses "LOW-HIGH" with both ends in 1024..65535.</summary>
        public static bool ParseRange(string s, out int lo, out int hi)
        {
            lo = hi = 0;
            int dash = s.IndexOf('-');
            if (dash <= 0) return false;
            lo = HostPort.ParsePort(s.Substring(0, dash));
            hi = HostPort.ParsePort(s.Substring(dash + 1));
            return lo >= 1024 && hi >= 1024;
        }

        private static bool IsSipUser(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 64) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) continue;
                if ("-_.!~*'()&=+$,;?/".IndexOf(c) >= 0) continue;
                return false;
            }
            return true;
        }

        private static bool IsAor(string s)
        {
            if (s.StartsWith("sip:")) s = s.Substring(4);
            int at = s.IndexOf('@');
            return at > 0 && at < s.Length - 1 && s.IndexOf('@', at + 1) < 0 && s.IndexOf(' ') < 0 && IsSipUser(s.Substring(0, at));
        }

        private static bool IsTarget(string s)
        {
            if (s.Length == 0 || s.Length > 128) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c <= ' ' || c == '<' || c == '>' || c == '"') return false;
            }
            return true;
        }

        private static bool IsDtmfCode(string s)
        {
            if (s.Length < 1 || s.Length > 16) return false;
            for (int i = 0; i < s.Length; i++) if ("0123456789*#ABCD".IndexOf(s[i]) < 0) return false;
            return true;
        }

        private static byte[] DecodeBase64(string s)
        {
            try { return Convert.FromBase64String(s); }
            catch (FormatException) { return null; }
        }
    }
}
