// Size of the device assembly: the Endpoint.nfproj files compiled in Release by the
// nanoFramework gate against the listing stand-ins (no desktop references). This is the IL DLL;
// the nanoFramework .pe deployed to flash is a more compact form of the same IL (metadata
// processor output), so treat the figure as an upper bound that tracks code growth.
using Endpoint.Tools.NfGate;

namespace Endpoint.Bench
{
    public static class DeviceSizeBench
    {
        public static void Run(BenchReport r)
        {
            if (!r.Wants("device.assembly.size")) return;
            string repo = Gate.FindRepoRoot(System.AppContext.BaseDirectory) ?? Gate.FindRepoRoot(System.IO.Directory.GetCurrentDirectory());
            if (repo == null)
            {
                System.Console.WriteLine("bench device.assembly.size skipped: no Endpoint.nfproj above " + System.AppContext.BaseDirectory);
                return;
            }
            byte[] dll;
            try
            {
                dll = Gate.EmitDeviceAssembly(repo, null);
            }
            catch (System.Exception e) when (e is Endpoint.Tools.NfGate.Listing.GateSetupException || e is System.InvalidOperationException)
            {
                // Missing listings or device code that does not compile: the gate test reports it.
                System.Console.WriteLine("bench device.assembly.size skipped: " + e.Message.Split('\n')[0]);
                return;
            }
            r.Figure("device.assembly.size", dll.Length, "bytes");
        }
    }
}
