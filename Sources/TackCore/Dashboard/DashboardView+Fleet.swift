import TackBase
import TackOutput

extension DashboardView {
  /// One row per context: connection, server version, Kustomizations and HelmReleases as
  /// ready/failed/suspended, failed sources, canaries in flight/waiting/failed. Unreachable and
  /// failing clusters first; a cluster that does not answer never holds the others up.
  static func fleet(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    let columns: [(String, Int)] = [
      ("CONTEXT", 18), ("CONNECTION", 24), ("KS ✔/✖/‖", 11), ("HR ✔/✖/‖", 11), ("SRC ✖", 7), ("CANARY ▶/◷/✖", 13),
    ]
    var x = 1
    for (title, width) in columns {
      frame.put(title, row: body.top, column: x, style: .bold, limit: width)
      x += width + 1
    }
    let sources: [FluxKind] = [.gitRepository, .ociRepository, .helmRepository, .bucket, .helmChart]
    func failures(_ cluster: String) -> Int {
      state.filteredObjects(where: { $0.key.cluster == cluster && $0.state == .failed }).count
    }
    func rank(_ cluster: String) -> Int {
      switch state.clusterFeeds[cluster] ?? .connecting {
      case .unreachable: 0
      case .connecting: 2
      case .connected: failures(cluster) > 0 ? 1 : 3
      }
    }
    let ordered = state.clusters.enumerated().sorted { a, b in
      (rank(a.element), a.offset) < (rank(b.element), b.offset)
    }.map(\.element)
    for (i, cluster) in ordered.enumerated() where body.top + 1 + i < body.bottom {
      let row = body.top + 1 + i
      x = 1
      frame.put(cluster, row: row, column: x, style: .bold, limit: columns[0].1)
      x += columns[0].1 + 1
      switch state.clusterFeeds[cluster] ?? .connecting {
      case .connecting:
        frame.put("◌ connecting…", row: row, column: x, style: .colored(.cyan), limit: columns[1].1)
        continue
      case .unreachable(let reason):
        frame.put("✖ unreachable: " + reason, row: row, column: x, style: .colored(.red))
        continue
      case .connected(let version):
        frame.put("✔ " + version, row: row, column: x, style: .colored(.green), limit: columns[1].1)
      }
      x += columns[1].1 + 1
      for kind in [FluxKind.kustomization, .helmRelease] {
        let counts = state.counts(kind, cluster: cluster)
        let failed = counts[.failed, default: 0]
        frame.put(
          "\(counts[.ready, default: 0])/\(failed)/\(counts[.suspended, default: 0])", row: row, column: x,
          style: .colored(failed > 0 ? .red : .none))
        x += 12
      }
      let sourceFailures = sources.reduce(0) { $0 + state.counts($1, cluster: cluster)[.failed, default: 0] }
      frame.put(String(sourceFailures), row: row, column: x, style: .colored(sourceFailures > 0 ? .red : .none))
      x += columns[4].1 + 1
      let canaries = state.counts(.canary, cluster: cluster)
      let canaryText =
        state.feeds[DashboardState.FeedKey(cluster, .canary)] == .notInstalled
        ? "—"
        : "\(canaries[.progressing, default: 0])/\(canaries[.waiting, default: 0])/\(canaries[.failed, default: 0])"
      frame.put(canaryText, row: row, column: x)
    }
  }
}
