// Writes an HTTP/1.1 request (RFC 9112 §3 request line, RFC 9110 §7.2 Host, §8.6 Content-Length)
// into a caller-owned buffer: "METHOD target HTTP/1.1", Host (with the port unless 80, IPv6
// literals in brackets), Content-Type and Content-Length when there is a body (always for POST
// and PUT), Connection: keep-alive or close, then the body. Only what a small JSON REST client
// needs: no other headers, no chunked uploads, no Expect: 100-continue.
// Depends on nothing. No allocation. Method, host, target and content type must be ASCII without
// spaces or control characters (checked; InvalidArgument otherwise).
namespace Endpoint.Http
{
    /// <summary>Serializes HTTP/1.1 requests into byte buffers.</summary>
    public static class HttpRequestWriter
    {
        /// <summary>Result: the buffer is too small (nothing usable was written).</summary>
        public const int TooSmall = -1;

        /// <summary>Result: a method, host, target or content type with forbidden characters.</summary>
        public const int InvalidArgument = -2;

        /// <summary>The content type for JSON bodies.</summary>
        public const string Json = "application/json";

        /// <summary>Name of a negative result.</summary>
        public static string ErrorName(int code)
        {
            if (code == TooSmall) return "buffer-too-small";
            if (code == InvalidArgument) return "invalid-argument";
            return "ok";
        }

        /// <summary>
        /// Writes a request into dst at offset. <paramref name="body"/> may be null (no body; a
        /// POST then still says Content-Length: 0). Returns the number of bytes written, or
        /// <see cref="TooSmall"/> / <see cref="InvalidArgument"/>.
        /// </summary>
        public static int Write(byte[] dst, int offset, string method, string host, int port, string target,
            bool keepAlive, string contentType, byte[] body, int bodyOffset, int bodyCount)
        {
            if (dst == null) throw new System.ArgumentNullException("dst");
            if (!IsToken(method) || !IsVisible(host) || !IsVisible(target) || target.Length == 0) return InvalidArgument;
            if (body != null && contentType != null && !IsVisibleOrSpace(contentType)) return InvalidArgument;
            if (port < 0 || port > 65535) return InvalidArgument;
            if (body == null) bodyCount = 0;
            else if (bodyOffset < 0 || bodyCount < 0 || bodyOffset + bodyCount > body.Length) throw new System.ArgumentOutOfRangeException("bodyCount");

            int p = offset;
            p = Put(dst, p, method);
            p = PutByte(dst, p, (byte)' ');
            p = Put(dst, p, target);
            p = Put(dst, p, " HTTP/1.1\r\nHost: ");
            bool v6 = host.IndexOf(':') >= 0;
            if (v6) p = PutByte(dst, p, (byte)'[');
            p = Put(dst, p, host);
            if (v6) p = PutByte(dst, p, (byte)']');
            if (port != 80 && port != 0)
            {
                p = PutByte(dst, p, (byte)':');
                p = PutNumber(dst, p, port);
            }
            p = Put(dst, p, "\r\n");
            bool hasBody = body != null || method == "POST" || method == "PUT";
            if (hasBody)
            {
                if (body != null && contentType != null)
                {
                    p = Put(dst, p, "Content-Type: ");
                    p = Put(dst, p, contentType);
                    p = Put(dst, p, "\r\n");
                }
                p = Put(dst, p, "Content-Length: ");
                p = PutNumber(dst, p, bodyCount);
                p = Put(dst, p, "\r\n");
            }
            p = Put(dst, p, keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
            if (p < 0 || p + bodyCount > dst.Length) return TooSmall;
            for (int i = 0; i < bodyCount; i++) dst[p + i] = body[bodyOffset + i];
            return p + bodyCount - offset;
        }

        // Each Put returns the new position, or a negative value once anything failed to fit.
        private static int Put(byte[] dst, int p, string s)
        {
            if (p < 0) return p;
            if (p + s.Length > dst.Length) return TooSmall;
            for (int i = 0; i < s.Length; i++) dst[p + i] = (byte)s[i];
            return p + s.Length;
        }

        private static int PutByte(byte[] dst, int p, byte b)
        {
            if (p < 0) return p;
            if (p >= dst.Length) return TooSmall;
            dst[p] = b;
            return p + 1;
        }

        private static int PutNumber(byte[] dst, int p, int v)
        {
            if (p < 0) return p;
            int digits = 1;
            for (int t = v; t >= 10; t /= 10) digits++;
            if (p + digits > dst.Length) return TooSmall;
            for (int i = digits - 1; i >= 0; i--)
            {
                dst[p + i] = (byte)('0' + v % 10);
                v /= 10;
            }
            return p + digits;
        }

        private static bool IsToken(string s)
        {
            if (s == null || s.Length == 0) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
            }
            return true;
        }

        private static bool IsVisible(string s)
        {
            if (s == null || s.Length == 0) return false;
            for (int i = 0; i < s.Length; i++) if (s[i] <= ' ' || s[i] >= 0x7F) return false;
            return true;
        }

        private static bool IsVisibleOrSpace(string s)
        {
            for (int i = 0; i < s.Length; i++) if (s[i] < ' ' || s[i] >= 0x7F) return false;
            return true;
        }
    }
}
