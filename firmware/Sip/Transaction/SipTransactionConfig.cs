// Settings of the transaction layer: RFC 3261 §17.1.1.1 timer values T1/T2/T4, the §18.1.1
// MTU rule, the capacities of the preallocated pool and buffers, and our own sent-by. Depends on
// nothing but Endpoint.Sip.Message (SipTransport). Plain data, set before the layer is built.
using Endpoint.Sip.Message;

namespace Endpoint.Sip.Transaction
{
    /// <summary>Configuration of a <see cref="SipTransactionLayer"/>.</summary>
    public sealed class SipTransactionConfig
    {
        /// <summary>RTT estimate T1 in ms (RFC 3261 default 500).</summary>
        public int T1 = 500;
        /// <summary>Maximum retransmit interval T2 in ms for non-INVITE requests and INVITE responses (default 4000).</summary>
        public int T2 = 4000;
        /// <summary>Maximum time a message stays in the network, T4 in ms (default 5000).</summary>
        public int T4 = 5000;
        /// <summary>Path MTU; UDP requests larger than Mtu - 200 go over TCP (§18.1.1). Default 1500.</summary>
        public int Mtu = 1500;
        /// <summary>Number of transactions held at once (at most 255).</summary>
        public int PoolSize = 8;
        /// <summary>Largest message we build or keep (the one shared write buffer has this size).</summary>
        public int MessageBufferSize = 2048;
        /// <summary>Bytes of the one store holding every request and response kept for retransmission (exact lengths, shared by all transactions).</summary>
        public int StoreBytes = 8192;
        /// <summary>Bytes per transaction for matching keys (branch, sent-by, Call-ID, From tag, method).</summary>
        public int KeyBufferSize = 256;
        /// <summary>Outbox slots (datagrams or stream writes waiting for the runtime).</summary>
        public int OutboxSlots = 8;
        /// <summary>Events held for the TU.</summary>
        public int EventSlots = 16;
        /// <summary>Our sent-by host for Via (IP literal or name).</summary>
        public string LocalHost = "127.0.0.1";
        /// <summary>Our sent-by port (0 = omit).</summary>
        public int LocalPort = 5060;
        /// <summary>Send "100 Trying" as soon as an INVITE server transaction is created (§17.2.1).</summary>
        public bool AutoTrying = true;
        /// <summary>Retransmit 2xx to INVITE in the Accepted state until the ACK arrives (RFC 3261 §13.3.1.4 done here for the TU).</summary>
        public bool Retransmit2xx = true;

        /// <summary>Largest UDP request before switching to TCP.</summary>
        public int UdpRequestLimit { get { return Mtu - 200; } }
    }
}
