// The "provisioning" section of the configuration: where the device fetches its configuration
// from at boot (and optionally every intervalSeconds), and how long a fetch may take. Plain data
// plus its validation (called by ConfigLoader). Depends on ConfigFields and Endpoint.Http.HttpUrl.
// Limits: http only (see HttpUrl); the URL's query is treated as possibly secret (never shown).
using Endpoint.Http;

namespace Endpoint.Config
{
    /// <summary>The "provisioning" section.</summary>
    public sealed class ProvisioningConfig
    {
        /// <summary>Member names of the section.</summary>
        public static readonly string[] Fields = { "url", "intervalSeconds", "timeoutSeconds" };

        /// <summary>Shortest re-fetch interval accepted (seconds).</summary>
        public const int MinIntervalSeconds = 10;

        /// <summary>Longest re-fetch interval accepted (seconds, one week).</summary>
        public const int MaxIntervalSeconds = 604800;

        /// <summary>The provisioning URL as written, or null for none.</summary>
        public string UrlText;

        /// <summary>The parsed URL, or null for none.</summary>
        public HttpUrl Url;

        /// <summary>Re-fetch every this many seconds while running; 0 = only at boot.</summary>
        public int IntervalSeconds;

        /// <summary>How long one fetch (connect, request, response) may take, in seconds.</summary>
        public int TimeoutSeconds = 10;

        /// <summary>Reads and validates the section; errors go to <paramref name="f"/>.</summary>
        public static ProvisioningConfig Read(ConfigFields f)
        {
            var p = new ProvisioningConfig();
            p.UrlText = f.String("url", null, false);
            if (p.UrlText != null)
            {
                string why;
                p.Url = HttpUrl.Parse(p.UrlText, out why);
                if (p.Url == null) f.Fail("url", "an http://host[:port]/path URL, not " + why, f.Raw("url"));
            }
            p.IntervalSeconds = f.Int("intervalSeconds", 0, MaxIntervalSeconds, p.IntervalSeconds);
            if (p.IntervalSeconds > 0 && p.IntervalSeconds < MinIntervalSeconds)
                f.Fail("intervalSeconds", "0 (only at boot) or " + MinIntervalSeconds + " to " + MaxIntervalSeconds, f.Raw("intervalSeconds"));
            p.TimeoutSeconds = f.Int("timeoutSeconds", 1, 60, p.TimeoutSeconds);
            return p;
        }
    }
}
