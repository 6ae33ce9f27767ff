// One operation the overlay client asks the runtime to perform: an HTTP request to a supernode
// (short, or a long-lived listen stream), or the cancellation of an earlier one. The runtime
// (firmware/Runtime/OverlayTransport) executes it and reports back to OverlayClient:
//   OnResponseStart(id, status) once the status line and headers arrived,
//   OnResponseLine(id, bytes)   for each body line (split on '\n', HttpResponseParser),
//   OnResponseEnd(id)           when the body is complete (for a listen stream: the server ended it),
//   OnRequestFailed(id, code)   on connect failure, broken connection, timeout or bad HTTP.
// Exactly one of OnResponseEnd/OnRequestFailed ends a request. After a Cancel the runtime closes
// that request's connection and reports nothing more for it (late reports are ignored anyway).
// Depends on nothing.
namespace Endpoint.Overlay
{
    /// <summary>A request for the runtime (see the file header for the contract).</summary>
    public sealed class OverlayRequest
    {
        /// <summary>Creates a request.</summary>
        public OverlayRequest(int id, bool cancel, int supernode, string host, int port, string method, string path,
            byte[] body, int bodyLength, bool listen, int timeoutMs, int cancelId)
        {
            Id = id;
            IsCancel = cancel;
            Supernode = supernode;
            Host = host;
            Port = port;
            Method = method;
            Path = path;
            Body = body;
            BodyLength = bodyLength;
            Listen = listen;
            TimeoutMs = timeoutMs;
            CancelId = cancelId;
        }

        /// <summary>Request id (positive, unique per client); completions refer to it.</summary>
        public int Id { get; }
        /// <summary>True: not a request but "abort request <see cref="CancelId"/>".</summary>
        public bool IsCancel { get; }
        /// <summary>The request to abort, when <see cref="IsCancel"/>.</summary>
        public int CancelId { get; }
        /// <summary>Index of the supernode in the configured list.</summary>
        public int Supernode { get; }
        /// <summary>Supernode host (IP literal or DNS name).</summary>
        public string Host { get; }
        /// <summary>Supernode proxy TCP port.</summary>
        public int Port { get; }
        /// <summary>"GET" or "POST".</summary>
        public string Method { get; }
        /// <summary>Request target, e.g. "/key/{40 hex}/listen".</summary>
        public string Path { get; }
        /// <summary>JSON body (POST), or null.</summary>
        public byte[] Body { get; }
        /// <summary>Bytes of <see cref="Body"/> to send.</summary>
        public int BodyLength { get; }
        /// <summary>True for a long-lived listen stream: deliver lines as they come, no overall timeout; use its own connection.</summary>
        public bool Listen { get; }
        /// <summary>For short requests: give up after this many ms (the client also enforces it).</summary>
        public int TimeoutMs { get; }
    }
}
