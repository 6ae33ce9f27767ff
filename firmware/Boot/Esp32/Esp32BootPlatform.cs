// IBootPlatform over the nanoFramework ESP32 adapters: Esp32PinMux (Configuration.SetPinFunction),
// Esp32GpioPort, Esp32RegisterBus (I2cDevice), Esp32I2sAudio (I2sDevice) and Wi-Fi through
// nanoFramework.Networking.WifiNetworkHelper.ConnectDhcp (System.Device.Wifi), bounded by a
// CancellationTokenSource. Native drivers may throw (bad pin, bus in use, no memory for DMA);
// every exception becomes an error string here so the boot sequence never sees one. DEVICE-ONLY.
// Depends on hal/Esp32, nanoFramework.System.Device.Wifi, System.Net.NetworkInformation.
using System;
using System.Device.I2c;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using Endpoint.Boards;
using Endpoint.Config;
using Endpoint.Hal;
using Endpoint.Hal.Esp32;
using nanoFramework.Networking;

namespace Endpoint.Boot.Esp32
{
    /// <summary>ESP32 hardware services for the boot sequence.</summary>
    public sealed class Esp32BootPlatform : IBootPlatform
    {
        /// <summary>How long one Wi-Fi join (association + DHCP) may take.</summary>
        public const int ConnectTimeoutMs = 30000;

        private static readonly string[] HelperStatusNames =
        {
            "not started", "started", "network ready", "no network interface", "timed out waiting for an IP address",
            "timed out waiting for the date and time", "error connecting while scanning", "exception", "reconnecting",
        };

        private readonly Esp32GpioPort _gpio = new Esp32GpioPort();

        /// <inheritdoc/>
        public IGpioPort Gpio { get { return _gpio; } }

        /// <inheritdoc/>
        public string RoutePins(BoardDefinition board)
        {
            try
            {
                BoardPinMux.Apply(board, new Esp32PinMux());
                return null;
            }
            catch (Exception e)
            {
                return e.Message;
            }
        }

        /// <inheritdoc/>
        public IRegisterBus OpenRegisterBus(int bus, int address, int speedHz, out string error)
        {
            error = null;
            try
            {
                return new Esp32RegisterBus(bus, address, speedHz >= 400000 ? I2cBusSpeed.FastMode : I2cBusSpeed.StandardMode);
            }
            catch (Exception e)
            {
                error = e.Message;
                return null;
            }
        }

        /// <inheritdoc/>
        public string OpenAudio(I2sPlan port, int sampleRate, out IAudioInput input, out IAudioOutput output)
        {
            input = null;
            output = null;
            try
            {
                Esp32I2sAudio audio = new Esp32I2sAudio(port.Bus, sampleRate, port.SlotBits, port.InputSlot, port.Transmit, port.Receive);
                if (port.Receive) input = audio;
                if (port.Transmit) output = audio;
                return null;
            }
            catch (Exception e)
            {
                return e.Message;
            }
        }

        /// <inheritdoc/>
        public string ConnectNetwork(WifiConfig wifi, out string localAddress)
        {
            localAddress = null;
            if (wifi == null || wifi.Ssid == null) return "no wifi section";
            bool ok;
            CancellationTokenSource cts = new CancellationTokenSource(ConnectTimeoutMs);
            try
            {
                // requiresDateTime false: do not make the boot depend on SNTP; the runtime only
                // uses the wall clock for RTCP sender reports.
                ok = WifiNetworkHelper.ConnectDhcp(wifi.Ssid, wifi.Password == null ? "" : wifi.Password,
                    WifiReconnectionKind.Automatic, false, 0, cts.Token);
            }
            catch (Exception e)
            {
                return "Wi-Fi driver: " + e.Message;
            }
            finally
            {
                cts.Dispose();
            }
            if (!ok)
            {
                int s = (int)WifiNetworkHelper.Status;
                string why = s >= 0 && s < HelperStatusNames.Length ? HelperStatusNames[s] : "status " + s.ToString();
                Exception ex = WifiNetworkHelper.HelperException;
                return why + (ex != null ? " (" + ex.Message + ")" : "") + " within " + (ConnectTimeoutMs / 1000).ToString() + " s";
            }
            localAddress = WifiAddress();
            return null;
        }

        /// <summary>IPv4 address of the Wi-Fi station interface, or null.</summary>
        public static string WifiAddress()
        {
            NetworkInterface[] all = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211) return all[i].IPv4Address;
            }
            return null;
        }

        /// <summary>MAC address of the Wi-Fi interface, or null (used to seed the random source).</summary>
        public static byte[] WifiMac()
        {
            NetworkInterface[] all = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211) return all[i].PhysicalAddress;
            }
            return null;
        }
    }
}
