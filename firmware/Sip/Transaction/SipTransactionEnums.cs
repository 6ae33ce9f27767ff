// Kinds, states, results and events of the transaction layer (RFC 3261 §17.1.1, §17.1.2,
// §17.2.1, §17.2.2; RFC 6026 Accepted state), each with a name table for logs.
// Depends on nothing.
namespace Endpoint.Sip.Transaction
{
    /// <summary>The four transaction state machines.</summary>
    public enum SipTxKind
    {
        None = 0,
        InviteClient,
        NonInviteClient,
        InviteServer,
        NonInviteServer,
    }

    /// <summary>Transaction states (union of the four machines).</summary>
    public enum SipTxState
    {
        /// <summary>Slot unused / transaction gone.</summary>
        Terminated = 0,
        /// <summary>Client transaction built but not sent yet (a CANCEL waiting for a 1xx).</summary>
        Pending,
        /// <summary>INVITE client: request sent, no response yet.</summary>
        Calling,
        /// <summary>Non-INVITE client/server: request sent/received, no response yet.</summary>
        Trying,
        /// <summary>Provisional response received (client) or sent (server).</summary>
        Proceeding,
        /// <summary>2xx to INVITE received (client, Timer M) or sent (server, Timer L) — RFC 6026.</summary>
        Accepted,
        /// <summary>Final response received (client) or sent (server); absorbing retransmissions.</summary>
        Completed,
        /// <summary>INVITE server: ACK received (Timer I).</summary>
        Confirmed,
    }

    /// <summary>What OnReceive did with a message.</summary>
    public enum SipRxResult
    {
        /// <summary>New request: a server transaction was created (txId); the TU must respond.</summary>
        NewRequest = 0,
        /// <summary>A request retransmission was absorbed (the last response was re-sent, if any).</summary>
        RequestRetransmission,
        /// <summary>ACK for a non-2xx final response, absorbed by its INVITE server transaction.</summary>
        AckAbsorbed,
        /// <summary>ACK for a 2xx (txId = the Accepted INVITE server transaction, or -1 if none): give it to the dialog.</summary>
        AckFor2xx,
        /// <summary>CANCEL matched an INVITE server transaction (CancelledTxId); txId is the CANCEL's own server transaction.</summary>
        CancelReceived,
        /// <summary>CANCEL matching nothing; 481 was sent.</summary>
        CancelUnmatched,
        /// <summary>Merged request (RFC 3261 §8.2.2.2); 482 Loop Detected was sent.</summary>
        LoopDetected,
        /// <summary>No transaction free; 503 was sent (or the message dropped if it could not be answered).</summary>
        PoolExhausted,
        /// <summary>Malformed message; 400 (or 505/513) was sent if the request could be answered, else dropped.</summary>
        Malformed,
        /// <summary>Response for a client transaction (txId): give it to the TU.</summary>
        Response,
        /// <summary>Response retransmission absorbed (ACK re-sent for non-2xx INVITE responses).</summary>
        ResponseAbsorbed,
        /// <summary>Response matching no client transaction; dropped.</summary>
        StrayResponse,
        /// <summary>The request could not be stored (too large for the transaction buffer); 513 sent if possible.</summary>
        TooLarge,
    }

    /// <summary>Result of a send operation.</summary>
    public enum SipSendStatus
    {
        /// <summary>Queued in the outbox.</summary>
        Ok = 0,
        /// <summary>Queued, over TCP because the UDP request exceeded MTU-200 (§18.1.1).</summary>
        SwitchedToTcp,
        /// <summary>Built and held until a provisional response arrives (CANCEL, §9.1).</summary>
        Deferred,
        /// <summary>No transaction free.</summary>
        PoolExhausted,
        /// <summary>The message did not fit its buffer.</summary>
        BufferTooSmall,
        /// <summary>The outbox was full; the message was not queued.</summary>
        OutboxFull,
        /// <summary>The transaction id is stale or the operation is not allowed in its state.</summary>
        BadTransaction,
        /// <summary>The message written by the TU is not a valid request/response (missing From/To/Call-ID/CSeq...).</summary>
        BadMessage,
    }

    /// <summary>Asynchronous notifications for the TU.</summary>
    public enum SipTxEvent
    {
        None = 0,
        /// <summary>Timer B/F fired: no final response (treat as 408 Request Timeout).</summary>
        Timeout,
        /// <summary>Timer H fired (no ACK for a non-2xx) or Timer L fired without an ACK for a 2xx.</summary>
        AckTimeout,
        /// <summary>A CANCEL held for a provisional response was dropped because the INVITE finished first.</summary>
        CancelDropped,
    }

    /// <summary>Name tables for the transaction enums.</summary>
    public static class SipTxNames
    {
        private static readonly string[] _states = { "Terminated", "Pending", "Calling", "Trying", "Proceeding", "Accepted", "Completed", "Confirmed" };
        private static readonly string[] _rx =
        {
            "NewRequest", "RequestRetransmission", "AckAbsorbed", "AckFor2xx", "CancelReceived", "CancelUnmatched",
            "LoopDetected", "PoolExhausted", "Malformed", "Response", "ResponseAbsorbed", "StrayResponse", "TooLarge",
        };
        private static readonly string[] _send = { "Ok", "SwitchedToTcp", "Deferred", "PoolExhausted", "BufferTooSmall", "OutboxFull", "BadTransaction", "BadMessage" };

        /// <summary>Name of a state.</summary>
        public static string State(SipTxState s) { return Pick(_states, (int)s); }
        /// <summary>Name of a receive result.</summary>
        public static string Rx(SipRxResult r) { return Pick(_rx, (int)r); }
        /// <summary>Name of a send status.</summary>
        public static string Send(SipSendStatus s) { return Pick(_send, (int)s); }

        private static string Pick(string[] t, int i) { return i >= 0 && i < t.Length ? t[i] : "?"; }
    }
}
