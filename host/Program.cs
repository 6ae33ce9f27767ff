// The virtual device entry point (host-only). Filled in by the CLI module.
namespace Endpoint.Host
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            return 0;
        }
    }
}
