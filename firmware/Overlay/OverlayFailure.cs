// Why the runtime could not complete an overlay request (reported through
// OverlayClient.OnRequestFailed). Depends on nothing.
namespace Endpoint.Overlay
{
    /// <summary>Transport failure codes for <see cref="OverlayClient.OnRequestFailed"/>.</summary>
    public static class OverlayFailure
    {
        /// <summary>The TCP connection could not be opened (refused, unreachable, name not resolved).</summary>
        public const int ConnectFailed = 1;
        /// <summary>The connection broke or was closed before the response was complete (for a listen stream: it ended).</summary>
        public const int ConnectionLost = 2;
        /// <summary>No (complete) answer within the request's timeout.</summary>
        public const int Timeout = 3;
        /// <summary>The response was not valid HTTP, or over the parser's limits.</summary>
        public const int BadResponse = 4;

        /// <summary>Name of a code.</summary>
        public static string Name(int code)
        {
            switch (code)
            {
                case ConnectFailed: return "connect-failed";
                case ConnectionLost: return "connection-lost";
                case Timeout: return "timeout";
                case BadResponse: return "bad-response";
                default: return "unknown";
            }
        }
    }
}
