// The layering rule table (the only place to edit layering policy). Pure protocol code in
// firmware/ (except firmware/Runtime/** and folders named Esp32) owns no sockets, threads,
// timers, clocks, hardware, files or HTTP: time is a `long nowMs` parameter and I/O belongs to
// firmware/Runtime. Namespace dependencies point one way: SIP never references SDP or media,
// SDP and media never reference SIP, and no firmware references the desktop host.
// Patterns: "Ns.*" = namespace and everything below it; "Ns.Type" = a type (and its members);
// "Ns.Type::Member" = one member (all overloads); "Endpoint.Sip*" = glob prefix on namespaces.
namespace Endpoint.Tools.NfGate.Checks
{
    /// <summary>A forbidden-API rule for files under a path scope.</summary>
    public sealed record ForbiddenApi(string Pattern, string Why);

    /// <summary>A forbidden namespace dependency.</summary>
    public sealed record ForbiddenDependency(string FromNamespace, string FromPathPrefix, string ToNamespace, string Why);

    /// <summary>The layering policy as data.</summary>
    public static class LayeringRules
    {
        /// <summary>Pure protocol code = files under this folder...</summary>
        public const string PureScope = "firmware/";

        /// <summary>...except these folders (the runtime owns I/O)...</summary>
        public static readonly string[] PureScopeExceptPrefixes = { "firmware/Runtime/" };

        /// <summary>...and except folders with these names (device-only adapters).</summary>
        public static readonly string[] PureScopeExceptFolders = { "Esp32" };

        public static readonly ForbiddenApi[] ForbiddenInPureCode =
        {
            new ForbiddenApi("System.Net.Sockets.*", "sockets belong to firmware/Runtime"),
            new ForbiddenApi("System.Net.Dns", "name resolution belongs to firmware/Runtime"),
            new ForbiddenApi("System.Threading.Thread", "threads (and Thread.Sleep) belong to firmware/Runtime"),
            new ForbiddenApi("System.Threading.Timer", "timers belong to firmware/Runtime; return a next deadline instead"),
            new ForbiddenApi("System.DateTime::Now", "time is a `long nowMs` parameter"),
            new ForbiddenApi("System.DateTime::UtcNow", "time is a `long nowMs` parameter"),
            new ForbiddenApi("System.DateTime::Today", "time is a `long nowMs` parameter"),
            new ForbiddenApi("System.Environment::TickCount", "time is a `long nowMs` parameter"),
            new ForbiddenApi("System.Environment::TickCount64", "time is a `long nowMs` parameter"),
            new ForbiddenApi("System.Device.*", "hardware access belongs to hal adapters"),
            new ForbiddenApi("nanoFramework.Hardware.*", "hardware access belongs to hal adapters"),
            new ForbiddenApi("System.IO.File", "file I/O belongs to firmware/Runtime"),
            new ForbiddenApi("System.IO.Directory", "file I/O belongs to firmware/Runtime"),
            new ForbiddenApi("System.IO.FileStream", "file I/O belongs to firmware/Runtime"),
            new ForbiddenApi("System.Net.Http.*", "HTTP belongs to firmware/Runtime"),
        };

        public static readonly ForbiddenDependency[] Dependencies =
        {
            new ForbiddenDependency("Endpoint.Sip*", null, "Endpoint.Sdp*", "SIP carries SDP as an opaque body; only the application joins them"),
            new ForbiddenDependency("Endpoint.Sip*", null, "Endpoint.Media*", "SIP never references media; only the application joins them"),
            new ForbiddenDependency("Endpoint.Media*", null, "Endpoint.Sip*", "media never references SIP"),
            new ForbiddenDependency("Endpoint.Sdp*", null, "Endpoint.Sip*", "SDP never references SIP"),
            new ForbiddenDependency(null, "firmware/", "Endpoint.Host*", "firmware never references the desktop host"),
        };
    }
}
