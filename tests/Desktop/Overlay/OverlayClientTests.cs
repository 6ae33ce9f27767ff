// The sans-IO overlay client against scripted supernodes (FakeSupernodes) on a virtual clock:
// RTT choice, failover within seconds when the active node dies or goes silent, return to a
// recovered better node, publish/refresh timing inside the 10-minute value lifetime, re-publish
// and re-listen after failover, lookups (found/offline/unknown, forged records ignored, cache
// TTL), presence transitions (online/offline/expired), offline messages with receipts and
// de-duplication across a restart, Stop's offline record, 502 retries, no-supernode handling.
using System;
using System.Collections.Generic;
using System.Linq;
using Endpoint.Overlay;
using Endpoint.Overlay.Records;
using Xunit;

namespace Endpoint.Tests.Overlay
{
    public class OverlayClientTests
    {
        private const string Alice = "alice@home.example";
        private const string Bob = "bob@home.example";

        private static (FakeSupernodes net, ClientDriver a) StartAlice(long[] rtts, params string[] buddies)
        {
            var net = new FakeSupernodes(rtts);
            var a = net.Add("alice", net.Settings(Alice, buddies));
            net.Start(a);
            return (net, a);
        }

        // The freshest valid record stored under an AOR's location key, verified like a reader would.
        private static LocationRecord Stored(FakeSupernodes net, string aor)
        {
            var v = new RecordVerifier(OverlayTestUtil.Signer(1));
            LocationRecord best = null;
            long unix = FakeSupernodes.UnixBase + net.Now / 1000;
            foreach (var (id, data) in net.Values(OverlayKeys.LocationHash(aor)))
            {
                if (v.Verify(data, 0, data.Length, RecordFormat.KindLocation, aor, unix) != RecordStatus.Ok) continue;
                var r = LocationRecord.Read(v.Reader);
                if (best == null || RecordVerifier.IsFresher(r.Seq, r.Expires, best.Seq, best.Expires)) best = r;
            }
            return best;
        }

        [Fact]
        public void Start_ProbesAll_PicksLowestRtt_PublishesAndListens()
        {
            var (net, a) = StartAlice(new long[] { 40, 10, 25 }, Bob);
            net.Advance(1000);
            Assert.Equal(1, a.C.ActiveSupernode);
            Assert.All(net.Nodes, n => Assert.Equal(1, n.Infos));
            Assert.Equal(10, a.C.Supernodes.Rtt(1));
            Assert.Equal(40, a.C.Supernodes.Rtt(0));
            var changed = a.Of(OverlayEventKind.SupernodeChanged).ToList();
            Assert.Single(changed);
            Assert.Equal(1, changed[0].Supernode);
            Assert.Single(a.Of(OverlayEventKind.Published));
            Assert.Equal("203.0.113.7", a.C.PublicIp);
            LocationRecord r = Stored(net, Alice);
            Assert.NotNull(r);
            Assert.True(r.Online);
            Assert.Equal(new[] { "sip:alice@192.168.1.10:5060", "sip:alice@203.0.113.7:5060" }, r.Contacts);
            Assert.InRange(r.Expires, FakeSupernodes.UnixBase + 900, FakeSupernodes.UnixBase + 902);
            Assert.Equal(2, net.ListenersOn(1, a)); // own inbox + buddy bob
            Assert.Equal(0, net.ListenersOn(0) + net.ListenersOn(2));
            Assert.All(a.Sent, q => Assert.True(q.Supernode == 1 || q.Path == "/node/info"));
            // Sequence numbers are persisted through events and rise.
            var seqs = a.Of(OverlayEventKind.SequenceUsed).Select(e => e.Seq).ToList();
            Assert.Single(seqs);
            Assert.Equal(r.Seq, seqs[0]);
        }

        [Fact]
        public void ProxyWithoutDhtPeers_IsUsedOnlyWhenNothingElseIs()
        {
            var net = new FakeSupernodes(5, 30);
            net.Nodes[0].Peers = 0; // fastest, but it knows no DHT node and could not store anything
            var a = net.Add("alice", net.Settings(Alice));
            net.Start(a);
            net.Advance(500);
            Assert.Equal(1, a.C.ActiveSupernode);
        }

        [Fact]
        public void Failover_WhenActiveNodeDies_WithinOneSecond_RepublishesAndRelistens()
        {
            var (net, a) = StartAlice(new long[] { 40, 10, 25 }, Bob);
            net.Advance(60000);
            Assert.Equal(1, a.C.ActiveSupernode);
            int published = a.Of(OverlayEventKind.Published).Count();
            long killedAt = net.Now;
            net.Kill(1);
            net.Advance(1000);
            var sw = a.Timeline.Where(t => t.E.Kind == OverlayEventKind.SupernodeChanged && t.T >= killedAt).ToList();
            Assert.NotEmpty(sw);
            Assert.Equal(2, sw[0].E.Supernode); // next lowest RTT
            Assert.InRange(sw[0].T - killedAt, 0, 1000);
            Assert.Equal(2, a.C.ActiveSupernode);
            Assert.Equal(2, net.ListenersOn(2, a));
            Assert.Equal(0, net.ListenersOn(1, a));
            Assert.Equal(published + 1, a.Of(OverlayEventKind.Published).Count());
            Assert.True(net.Nodes[2].Posts >= 1);
            Assert.NotNull(Stored(net, Alice));
        }

        [Fact]
        public void Failover_WhenActiveNodeGoesSilent_WithinProbePeriodPlusTimeout()
        {
            var (net, a) = StartAlice(new long[] { 40, 10 });
            net.Advance(30000);
            long at = net.Now;
            net.Nodes[1].Silent = true; // accepts connections, answers nothing (listen streams stay open)
            net.Advance(20000);
            var sw = a.Timeline.Where(t => t.E.Kind == OverlayEventKind.SupernodeChanged && t.T > at).ToList();
            Assert.NotEmpty(sw);
            Assert.Equal(0, sw[0].E.Supernode);
            Assert.InRange(sw[0].T - at, 1, 10000 + 3000 + 100);
            Assert.Equal(1, net.ListenersOn(0, a));
        }

        [Fact]
        public void ReturnsToRecoveredBetterNode_AfterTwoGoodProbes()
        {
            var (net, a) = StartAlice(new long[] { 40, 10 });
            net.Advance(5000);
            net.Kill(1);
            net.Advance(5000);
            Assert.Equal(0, a.C.ActiveSupernode);
            long revived = net.Now;
            net.Revive(1);
            net.Advance(60000);
            var back = a.Timeline.Where(t => t.E.Kind == OverlayEventKind.SupernodeChanged && t.T > revived).ToList();
            Assert.Single(back);
            Assert.Equal(1, back[0].E.Supernode);
            Assert.InRange(back[0].T - revived, 1, 10000 + 30000 + 100); // one dead-retry probe, then one standby probe
            Assert.Equal(1, a.C.ActiveSupernode);
            Assert.Equal(1, net.ListenersOn(1, a));
            Assert.Equal(0, net.ListenersOn(0, a));
            // A node that is only slightly faster is not worth switching to.
            var (net2, b) = StartAlice(new long[] { 12, 10 });
            net2.Advance(5000);
            net2.Kill(1);
            net2.Advance(5000);
            net2.Revive(1);
            net2.Advance(120000);
            Assert.Equal(0, b.C.ActiveSupernode);
        }

        [Fact]
        public void Refresh_KeepsARecordStoredAtAllTimes_EveryFourAndAHalfMinutes()
        {
            var (net, a) = StartAlice(new long[] { 10 });
            for (int s = 0; s < 3600; s += 5)
            {
                net.Advance(5000);
                Assert.NotNull(Stored(net, Alice));
            }
            var times = a.Timeline.Where(t => t.E.Kind == OverlayEventKind.Published).Select(t => t.T).ToList();
            Assert.InRange(times.Count, 13, 15);
            for (int i = 1; i < times.Count; i++) Assert.InRange(times[i] - times[i - 1], 269000, 271000);
            // Every refresh is a new record: new sequence number and a new value id.
            var seqs = a.Of(OverlayEventKind.Published).Select(e => e.Seq).ToList();
            for (int i = 1; i < seqs.Count; i++) Assert.True(seqs[i] > seqs[i - 1]);
            Assert.InRange(net.Values(a.C.LocationHash).Count, 2, 3); // older values age out after 10 minutes
            // Listen streams are renewed with the refresh (one open stream at any time).
            Assert.Equal(1, net.ListenersOn(0, a));
            Assert.True(net.Nodes[0].Listens >= 13);
        }

        [Fact]
        public void Lookup_Found_Cached_ThenRefetched()
        {
            var net = new FakeSupernodes(10, 20);
            var a = net.Add("alice", net.Settings(Alice));
            var b = net.Add("bob", net.Settings(Bob));
            net.Start(a);
            net.Start(b);
            net.Advance(2000);
            int id = a.C.Lookup("sip:bob@HOME.example", net.Now); // host case-insensitive (the user part is not)
            net.Advance(100);
            var res = a.Of(OverlayEventKind.LookupResult).Single();
            Assert.Equal(id, res.LookupId);
            Assert.Equal(LookupOutcome.Found, res.Outcome);
            Assert.Equal(Bob, res.Aor);
            Assert.Equal("sip:bob@192.168.1.11:5060", res.Record.Contacts[0]);
            int gets = net.Nodes[0].Gets;
            a.C.Lookup(Bob, net.Now + 0);
            net.PumpAll();
            Assert.Equal(2, a.Of(OverlayEventKind.LookupResult).Count()); // answered at once from the cache
            Assert.Equal("cached", a.Events.Last().Detail);
            Assert.Equal(gets, net.Nodes[0].Gets);
            net.Advance(15000);
            a.C.Lookup(Bob, net.Now);
            net.Advance(100);
            Assert.Equal(gets + 1, net.Nodes[0].Gets);
            Assert.Null(a.Events.Last(e => e.Kind == OverlayEventKind.LookupResult).Detail);
        }

        [Fact]
        public void Lookup_Unknown_Offline_Invalid_AndForgedRecordsIgnored()
        {
            var net = new FakeSupernodes(10);
            var a = net.Add("alice", net.Settings(Alice));
            var b = net.Add("bob", net.Settings(Bob));
            net.Start(a);
            net.Start(b);
            net.Advance(2000);
            a.C.Lookup("carol@home.example", net.Now);
            a.C.Lookup("not-an-aor", net.Now);
            net.Advance(100);
            var res = a.Of(OverlayEventKind.LookupResult).ToList();
            Assert.Equal(LookupOutcome.InvalidAor, res[0].Outcome); // answered at once
            Assert.Equal(LookupOutcome.Unknown, res[1].Outcome);
            Assert.Equal("no-record", res[1].Detail);

            // Mallory writes a newer-looking record for bob, signed with another key, and an unsigned one.
            var forged = OverlayTestUtil.Write(new RecordWriter(OverlayTestUtil.Signer(9)),
                OverlayTestUtil.Location(Bob, long.MaxValue / 2, FakeSupernodes.UnixBase + 800, true, "sip:bob@6.6.6.6"));
            var unsigned = OverlayTestUtil.Write(new RecordWriter(null),
                OverlayTestUtil.Location(Bob, long.MaxValue / 2, FakeSupernodes.UnixBase + 800, true, "sip:bob@6.6.6.6"));
            net.Inject(OverlayKeys.LocationHash(Bob), 777, forged);
            net.Inject(OverlayKeys.LocationHash(Bob), 778, unsigned);
            net.Inject(OverlayKeys.LocationHash(Bob), 779, System.Text.Encoding.ASCII.GetBytes("garbage"));
            a.C.Lookup(Bob, net.Now);
            net.Advance(100);
            var found = a.Events.Last(e => e.Kind == OverlayEventKind.LookupResult);
            Assert.Equal(LookupOutcome.Found, found.Outcome);
            Assert.DoesNotContain("6.6.6.6", string.Join(",", found.Record.Contacts));

            // Only forged records: Unknown, with the reason.
            net.Inject(OverlayKeys.LocationHash("carol@home.example"), 780, OverlayTestUtil.Write(new RecordWriter(OverlayTestUtil.Signer(9)),
                OverlayTestUtil.Location("carol@home.example", 5, FakeSupernodes.UnixBase + 800)));
            a.C.Lookup("carol@home.example", net.Now);
            net.Advance(100);
            var carol = a.Events.Last(e => e.Kind == OverlayEventKind.LookupResult);
            Assert.Equal(LookupOutcome.Unknown, carol.Outcome);
            Assert.Equal("unknown-key", carol.Detail);

            // Bob stops: his offline record wins (higher sequence).
            b.C.Stop(net.Now);
            net.Advance(16000);
            Assert.Equal("offline-published", b.Of(OverlayEventKind.Stopped).Single().Detail);
            a.C.Lookup(Bob, net.Now);
            net.Advance(100);
            var off = a.Events.Last(e => e.Kind == OverlayEventKind.LookupResult);
            Assert.Equal(LookupOutcome.Offline, off.Outcome);
            Assert.False(off.Record.Online);
        }

        [Fact]
        public void Presence_OnlineOfflineOnlineExpired()
        {
            var net = new FakeSupernodes(10);
            var a = net.Add("alice", net.Settings(Alice, Bob));
            net.Start(a);
            net.Advance(1000);
            Assert.Equal(PresenceState.Unknown, a.C.PresenceOf(Bob));
            var b = net.Add("bob", net.Settings(Bob));
            net.Start(b);
            net.Advance(1000);
            Assert.Equal(PresenceState.Online, a.C.PresenceOf(Bob));
            b.C.Stop(net.Now);
            net.Advance(1000);
            Assert.Equal(PresenceState.Offline, a.C.PresenceOf(Bob));

            var b2 = net.Add("bob2", net.Settings(Bob), rngSeed: 99);
            net.Start(b2);
            net.Advance(1000);
            Assert.Equal(PresenceState.Online, a.C.PresenceOf(Bob));
            // Bob's device loses power: no offline record, no more refreshes.
            net.Drivers.Remove(b2);
            long gone = net.Now;
            net.Advance(16 * 60000);
            Assert.Equal(PresenceState.Expired, a.C.PresenceOf(Bob));
            var states = a.Of(OverlayEventKind.PresenceChanged).Select(e => e.Presence).ToList();
            Assert.Equal(new[] { PresenceState.Online, PresenceState.Offline, PresenceState.Online, PresenceState.Expired }, states);
            long expiredAt = a.Timeline.Last(t => t.E.Kind == OverlayEventKind.PresenceChanged).T;
            Assert.InRange(expiredAt - gone, 4 * 60000, 15 * 60000); // within the value lifetime after the last refresh
        }

        [Fact]
        public void OfflineMessage_StoredDeliveredOnce_ReceiptBack_DedupAcrossRestart()
        {
            var net = new FakeSupernodes(10);
            var a = net.Add("alice", net.Settings(Alice));
            net.Start(a);
            net.Advance(1000);
            string id = a.C.SendMessage("sip:bob@home.example", "ring me ☎", net.Now);
            Assert.Equal(32, id.Length);
            net.Advance(1000);
            Assert.Equal(id, a.Of(OverlayEventKind.MessageStored).Single().MessageId);
            Assert.Equal(1, a.C.PendingMessages);

            // Bob comes online 20 minutes later: Alice kept re-posting, so the message is still there.
            net.Advance(20 * 60000);
            var b = net.Add("bob", net.Settings(Bob));
            net.Start(b);
            net.Advance(2000);
            var got = b.Of(OverlayEventKind.MessageReceived).Single();
            Assert.Equal("ring me ☎", got.Message.Text);
            Assert.Equal(Alice, got.Message.From);
            Assert.Equal(id, got.MessageId);
            Assert.Single(b.Of(OverlayEventKind.SeenIdsChanged));
            Assert.Equal(id, a.Of(OverlayEventKind.MessageDelivered).Single().MessageId);
            Assert.Equal(0, a.C.PendingMessages);

            // Bob restarts with his persisted seen ids: the message (still stored) is not shown again.
            var seen = new byte[b.C.SeenIds.SerializedMaxLength];
            int n = b.C.SeenIds.Serialize(seen, 0);
            net.Drivers.Remove(b);
            var b2 = net.Add("bob2", net.Settings(Bob), rngSeed: 5);
            Assert.True(b2.C.SeenIds.Load(seen, 0, n));
            net.Start(b2);
            net.Advance(2000);
            Assert.Empty(b2.Of(OverlayEventKind.MessageReceived));
            // Without the persisted set it would have been shown again.
            net.Drivers.Remove(b2);
            var b3 = net.Add("bob3", net.Settings(Bob), rngSeed: 6);
            net.Start(b3);
            net.Advance(2000);
            Assert.Single(b3.Of(OverlayEventKind.MessageReceived));
        }

        [Fact]
        public void OfflineMessage_ExpiresUndelivered()
        {
            var net2 = new FakeSupernodes(10);
            var s = net2.Settings(Alice);
            s.MessageLifetimeS = 600;
            var a2 = net2.Add("alice", s);
            net2.Start(a2);
            net2.Advance(1000);
            string id = a2.C.SendMessage(Bob, "hello?", net2.Now);
            net2.Advance(11 * 60000);
            var f = a2.Of(OverlayEventKind.MessageFailed).Single();
            Assert.Equal(id, f.MessageId);
            Assert.Equal("expired-undelivered", f.Detail);
            Assert.Null(a2.C.SendMessage("bad aor", "x", net2.Now));
            Assert.Null(a2.C.SendMessage(Bob, new string('x', 256), net2.Now));
        }

        [Fact]
        public void Stop_PublishesSignedOfflineRecord_ThenGoesQuiet()
        {
            var (net, a) = StartAlice(new long[] { 10, 20 }, Bob);
            net.Advance(5000);
            long seqBefore = a.C.Sequence;
            a.C.Stop(net.Now);
            net.Advance(1000);
            Assert.Equal("offline-published", a.Of(OverlayEventKind.Stopped).Single().Detail);
            Assert.True(a.C.IsStopped);
            LocationRecord r = Stored(net, Alice);
            Assert.False(r.Online);
            Assert.True(r.Seq > seqBefore);
            Assert.Equal(0, net.ListenersOn(0, a) + net.ListenersOn(1, a));
            int sent = a.Sent.Count;
            net.Advance(3600000);
            Assert.Equal(sent, a.Sent.Count);
            Assert.Equal(long.MaxValue, a.C.NextDeadline);
        }

        [Fact]
        public void PutFailed_IsReported_AndRetried()
        {
            var net = new FakeSupernodes(10);
            net.Nodes[0].PutFails = true;
            var a = net.Add("alice", net.Settings(Alice));
            net.Start(a);
            net.Advance(1000);
            var f = a.Of(OverlayEventKind.PublishFailed).First();
            Assert.Contains("502", f.Detail);
            Assert.Contains("Put failed", f.Detail);
            Assert.Empty(a.Of(OverlayEventKind.Published));
            net.Nodes[0].PutFails = false;
            net.Advance(6000);
            Assert.Single(a.Of(OverlayEventKind.Published));
            Assert.NotNull(Stored(net, Alice));
        }

        [Fact]
        public void NoSupernode_LookupsFail_ThenRecovers()
        {
            var net = new FakeSupernodes(10, 20);
            net.Nodes[0].Up = false;
            net.Nodes[1].Up = false;
            var a = net.Add("alice", net.Settings(Alice));
            net.Start(a);
            net.Advance(100);
            Assert.Equal(-1, a.Of(OverlayEventKind.SupernodeChanged).Single().Supernode);
            a.C.Lookup(Bob, net.Now);
            net.PumpAll();
            Assert.Equal(LookupOutcome.NoSupernode, a.Events.Last().Outcome);
            string msg = a.C.SendMessage(Bob, "queued", net.Now); // parked until a node is back
            Assert.NotNull(msg);
            net.Revive(1);
            net.Advance(11000);
            Assert.Equal(1, a.C.ActiveSupernode);
            Assert.NotNull(Stored(net, Alice));
            Assert.Single(a.Of(OverlayEventKind.MessageStored));
        }

        [Fact]
        public void LookupInFlight_SurvivesFailover()
        {
            var net = new FakeSupernodes(100, 300);
            var a = net.Add("alice", net.Settings(Alice));
            var b = net.Add("bob", net.Settings(Bob));
            net.Start(a);
            net.Start(b);
            net.Advance(2000);
            a.C.Lookup(Bob, net.Now);
            net.Advance(20); // the GET is on its way to node 0
            net.Kill(0);
            net.Advance(2000);
            var res = a.Of(OverlayEventKind.LookupResult).Single();
            Assert.Equal(LookupOutcome.Found, res.Outcome);
            Assert.Equal(1, a.C.ActiveSupernode);
        }

        [Fact]
        public void NextDeadline_IsHonest_AndSequenceSurvivesRestart()
        {
            var (net, a) = StartAlice(new long[] { 10 });
            net.Advance(1000);
            long d = a.C.NextDeadline;
            Assert.InRange(d, net.Now + 1, net.Now + 270000);
            long last = a.C.Sequence;
            // A restart with the persisted number and a clock that went backwards still rises.
            var s = net.Settings(Alice);
            s.InitialSeq = last;
            var net2 = new FakeSupernodes(10) { Now = -3600000 };
            var a2 = net2.Add("alice2", s);
            net2.Start(a2);
            net2.Advance(1000);
            Assert.True(a2.C.Sequence > last);
        }
    }
}
