// Results of the user agent's commands (Call, Answer, Hangup, SendMessage ...), with a name
// table. Commands that create something return a non-negative handle on success and the
// negated status on failure (see UaStatuses.FromHandle). Depends on nothing.
namespace Endpoint.Sip.Ua
{
    /// <summary>Outcome of a command.</summary>
    public enum UaStatus
    {
        /// <summary>Done (the message is in the outbox).</summary>
        Ok = 0,
        /// <summary>All call slots are in use.</summary>
        TooManyCalls,
        /// <summary>All MESSAGE slots are in use.</summary>
        TooManyMessages,
        /// <summary>The call handle is unknown or the call has ended.</summary>
        NoSuchCall,
        /// <summary>The call is not in a state that allows the command.</summary>
        BadState,
        /// <summary>Another INVITE transaction of this call is in progress (RFC 3261 §14.1).</summary>
        InviteInProgress,
        /// <summary>An argument is invalid (bad URI, empty SDP, bad status code).</summary>
        BadArgument,
        /// <summary>A value does not fit its preallocated field (SDP, body, URI).</summary>
        TooLarge,
        /// <summary>No transaction is free.</summary>
        PoolExhausted,
        /// <summary>The outbox is full.</summary>
        OutboxFull,
        /// <summary>The message did not fit the transaction buffer.</summary>
        BufferTooSmall,
        /// <summary>No registrar is configured.</summary>
        NoRegistrar,
    }

    /// <summary>Names of <see cref="UaStatus"/> values.</summary>
    public static class UaStatuses
    {
        private static readonly string[] _names =
        {
            "ok", "too many calls", "too many messages", "no such call", "bad state", "INVITE in progress",
            "bad argument", "too large", "transaction pool exhausted", "outbox full", "buffer too small", "no registrar",
        };

        /// <summary>Name of a status.</summary>
        public static string Name(UaStatus s)
        {
            int i = (int)s;
            return i >= 0 && i < _names.Length ? _names[i] : "?";
        }

        /// <summary>Status of a handle-or-error result: Ok for handles (≥ 0), else the negated status.</summary>
        public static UaStatus FromHandle(int result)
        {
            return result >= 0 ? UaStatus.Ok : (UaStatus)(-result);
        }
    }
}
