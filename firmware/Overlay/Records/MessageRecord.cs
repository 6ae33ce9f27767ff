// An offline message or a delivery receipt as plain values. A message is stored under the
// recipient's inbox key; a receipt (same message id, From = the recipient, To = the original
// sender) is stored under the original sender's inbox key. Depends on RecordReader and
// Endpoint.TextEncoding.Hex (for the id as text).
using Endpoint.TextEncoding;

namespace Endpoint.Overlay.Records
{
    /// <summary>Content of a message (Kind = RecordFormat.KindMessage) or receipt (KindReceipt) record.</summary>
    public sealed class MessageRecord
    {
        /// <summary>RecordFormat.KindMessage or KindReceipt.</summary>
        public int Kind = RecordFormat.KindMessage;
        /// <summary>16-byte message id (random; a receipt repeats the message's id).</summary>
        public byte[] MessageId = new byte[RecordFormat.MessageIdBytes];
        /// <summary>Writer's AOR (canonical).</summary>
        public string From;
        /// <summary>Reader's AOR (canonical): the inbox owner.</summary>
        public string To;
        /// <summary>Message text (receipts: empty), at most 255 UTF-8 bytes.</summary>
        public string Text = "";
        /// <summary>Creation time, Unix seconds.</summary>
        public long Created;
        /// <summary>Expiry, Unix seconds (messages: created + 24 h).</summary>
        public long Expires;

        /// <summary>The message id as 32 lowercase hex digits.</summary>
        public string IdHex { get { return Hex.ToHexString(MessageId, 0, MessageId.Length); } }

        /// <summary>Copies the content of the message/receipt the reader last read (allocates).</summary>
        public static MessageRecord Read(RecordReader r)
        {
            MessageRecord m = new MessageRecord();
            byte[] b = r.Buffer;
            m.Kind = r.Kind;
            for (int i = 0; i < RecordFormat.MessageIdBytes; i++) m.MessageId[i] = b[r.MsgIdOffset + i];
            m.From = Utf8Field.GetString(b, r.FromOffset, r.FromLength);
            m.To = Utf8Field.GetString(b, r.ToOffset, r.ToLength);
            m.Text = Utf8Field.GetString(b, r.TextOffset, r.TextLength);
            m.Created = r.Created;
            m.Expires = r.Expires;
            return m;
        }
    }
}
