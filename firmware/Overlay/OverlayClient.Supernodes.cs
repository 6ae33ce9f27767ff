// Overlay client, part 2: supernode probing, choice, failover and return.
// Probes: GET /node/info; the active node every ProbeIntervalMs, standby nodes every
// BackupProbeIntervalMs, dead nodes every DeadRetryMs; a probe times out after ProbeTimeoutMs.
// Failover: a refused connection, an ended listen stream or a failed probe of the active node
// marks it dead; the best remaining node is activated at once: our record is re-posted there, the
// listen streams re-opened and parked operations re-issued. A recovered node that is clearly
// better (SupernodeTable.ClearlyBetter) takes over again. Depends on the other parts.
using Endpoint.Overlay.Dht;

namespace Endpoint.Overlay
{
    public sealed partial class OverlayClient
    {
        private void Probe(int node, long nowMs)
        {
            if (_probeOps[node] != null) return;
            OverlayOp op = NewOp(OverlayOp.Probe, "GET", DhtRequests.NodeInfoPath, null, 0, false);
            _probeOps[node] = op;
            _nodes.SetNextProbe(node, long.MaxValue);
            IssueTo(op, node, nowMs);
        }

        private void ProbeDone(OverlayOp op, long nowMs)
        {
            int node = op.Supernode;
            if (_probeOps[node] != op) return;
            _probeOps[node] = null;
            if (op.Status == 200 && op.Info != null)
            {
                _nodes.Success(node, nowMs - op.SentAt, op.Info.KnownPeers);
                string oldIp = _nodeIp[node];
                _nodeIp[node] = op.Info.PublicIp;
                _nodes.SetNextProbe(node, nowMs + (node == _active ? _s.ProbeIntervalMs : _s.BackupProbeIntervalMs));
                if (_phase == PhaseSelecting)
                {
                    if (_nodes.AllProbed()) SelectActive(nowMs);
                }
                else if (_phase == PhaseRunning)
                {
                    if (_active < 0) SelectActive(nowMs);
                    else if (_nodes.ClearlyBetter(node, _active, _s.MinRttGainMs)) Activate(node, nowMs);
                    else if (node == _active && oldIp != op.Info.PublicIp && NeedsPublicContact()) PublishLocation(nowMs, true);
                }
                return;
            }
            NodeDown(node, nowMs);
            if (_phase == PhaseSelecting && _nodes.AllProbed()) SelectActive(nowMs);
        }

        // Marks a node dead; if it was the active one, moves everything to the next best.
        private void NodeDown(int node, long nowMs)
        {
            if (node < 0 || node >= _nodes.Count) return;
            _nodes.Failure(node);
            if (_probeOps[node] == null) _nodes.SetNextProbe(node, nowMs + _s.DeadRetryMs);
            if (node != _active) return;
            _active = -1;
            for (int i = _ops.Count - 1; i >= 0; i--)
            {
                if (i >= _ops.Count) continue;
                OverlayOp op = (OverlayOp)_ops[i];
                if (op.Supernode != node || op.Purpose == OverlayOp.Probe) continue;
                Cancel(op);
                if (op.Purpose == OverlayOp.Lookup || op.Purpose == OverlayOp.PostMessage
                    || op.Purpose == OverlayOp.PostReceipt || op.Purpose == OverlayOp.PublishOffline)
                {
                    _waiting.Add(op);
                }
            }
            if (_phase == PhaseRunning || _phase == PhaseStopping) SelectActive(nowMs);
        }

        private void SelectActive(long nowMs)
        {
            if (_phase == PhaseSelecting)
            {
                _phase = PhaseRunning;
                _selectDeadline = long.MaxValue;
            }
            int best = _nodes.Best();
            if (best >= 0)
            {
                Activate(best, nowMs);
                return;
            }
            _active = -1;
            if (!_announcedNone)
            {
                _announcedNone = true;
                OverlayEvent e = new OverlayEvent(OverlayEventKind.SupernodeChanged);
                e.Supernode = -1;
                e.Detail = "no-supernode";
                Emit(e);
            }
            // Nobody can answer a lookup now; messages and receipts stay parked until a node returns.
            for (int i = _waiting.Count - 1; i >= 0; i--)
            {
                if (i >= _waiting.Count) continue;
                OverlayOp op = (OverlayOp)_waiting[i];
                if (op.Purpose == OverlayOp.Lookup)
                {
                    _waiting.RemoveAt(i);
                    LookupFailed(op, LookupOutcome.NoSupernode, "no-supernode");
                }
                else if (op.Purpose == OverlayOp.PublishOffline)
                {
                    _waiting.RemoveAt(i);
                    FinishStop("no-supernode");
                    return;
                }
            }
        }

        private void Activate(int node, long nowMs)
        {
            int old = _active;
            _active = node;
            _announcedNone = false;
            if (_probeOps[node] == null) _nodes.SetNextProbe(node, nowMs + _s.ProbeIntervalMs);
            if (old >= 0 && old != node && _probeOps[old] == null) _nodes.SetNextProbe(old, nowMs + _s.BackupProbeIntervalMs);
            OverlayEvent e = new OverlayEvent(OverlayEventKind.SupernodeChanged);
            e.Supernode = node;
            e.Detail = _nodes.Address(node).ToString();
            Emit(e);
            if (_phase == PhaseStopping)
            {
                IssueWaiting(nowMs);
                return;
            }
            CloseListens();
            OpenListens(nowMs);
            PublishLocation(nowMs, false);
            IssueWaiting(nowMs);
        }

        private void IssueWaiting(long nowMs)
        {
            int guard = _waiting.Count;
            while (_waiting.Count > 0 && _active >= 0 && guard-- > 0)
            {
                OverlayOp op = (OverlayOp)_waiting[0];
                _waiting.RemoveAt(0);
                if (op.Attempts >= MaxAttempts) { GiveUp(op, nowMs, "failover"); continue; }
                IssueTo(op, _active, nowMs);
            }
        }
    }
}
