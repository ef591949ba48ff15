import Foundation
import Synchronization
import TackBase
import TackJSON

/// Plays Flagger against the test API server: on every tick it reads each Canary and its target
/// Deployment through the in-process API, advances the `FlaggerSimulator`, and writes back what
/// Flagger writes — the Canary's status (through `/status`, field manager `flagger`), the
/// `<target>-primary` Deployment, the target's replicas, and v1 Events (reason `Synced`, source
/// `flagger`, repeats folded into a count). Gates are asked of the `LoadtesterDouble`, which is
/// also registered behind the service proxy so tack reaches it as it would the real one.
///
/// ```swift
/// let flagger = try FlaggerDouble(cluster: cluster, simulator: FlaggerSimulator { tick in tick == 3 ? .metricFailed("success rate 90.00% < 99%") : .pass })
/// try flagger.tick()                                   // one scheduler tick for every Canary
/// flagger.start(every: .milliseconds(50))              // or tick in the background
/// flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
/// await flagger.stop()
/// ```
public final class FlaggerDouble: Sendable {
  public let store: ObjectStore
  public let loadtester: LoadtesterDouble
  public let simulator: FlaggerSimulator
  private let state = Mutex<(runTicks: [String: Int], sequence: Int, task: Task<Void, Never>?, clock: Double?)>(
    ([:], 0, nil, nil))

  public init(
    cluster: TestCluster, simulator: FlaggerSimulator = FlaggerSimulator(), loadtester: LoadtesterDouble = LoadtesterDouble(),
    loadtesterNamespace: String = "test", loadtesterService: String = "flagger-loadtester"
  ) {
    store = cluster.store
    self.loadtester = loadtester
    self.simulator = simulator
    cluster.server.proxy.register(namespace: loadtesterNamespace, service: loadtesterService) { request in
      let reply = loadtester.handle(method: request.method, path: request.path, body: request.body)
      return ProxyResponse(status: reply.status, headers: [("Content-Type", "text/plain")], body: Array(reply.body.utf8))
    }
  }

  /// One scheduler tick for every Canary (or the one named), at wall-clock time.
  public func tick(namespace: String? = nil, name: String? = nil) throws {
    let canaries = try store.list(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: namespace)
    for canary in canaries where name == nil || canary[path: "metadata", "name"]?.stringValue == name {
      try tick(canary)
    }
  }

  func tick(_ canary: JSON) throws {
    let ns = canary[path: "metadata", "namespace"]?.stringValue ?? ""
    let name = canary[path: "metadata", "name"]?.stringValue ?? ""
    let targetName = canary[path: "spec", "targetRef", "name"]?.stringValue ?? ""
    let target: JSON
    do { target = try store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: targetName) } catch {
      return  // Flagger waits for the target to exist
    }
    let key = "\(ns)/\(name)"
    let runTick = state.withLock { $0.runTicks[key] ?? 0 }
    let now = Self.now()
    let outcome = simulator.tick(canary: canary, target: target, now: now, runTick: runTick) { _, url in
      let path = Self.path(of: url)
      let body = Array(#"{"name":"\#(name)","namespace":"\#(ns)","phase":"Progressing"}"#.utf8)
      switch path {
      case "/gate/approve": return true
      case "/gate/halt": return false
      default: return loadtester.handle(method: "POST", path: path, body: body).status <= 202
      }
    }
    state.withLock { $0.runTicks[key] = outcome.runTick }
    try store.modifyStatus(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: ns, name: name, fieldManager: "flagger") {
      $0 = outcome.status
    }
    if outcome.promoteTemplate {
      let primaryName = targetName + "-primary"
      if var primary = try? store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: primaryName) {
        primary[path: "spec", "template"] = target[path: "spec", "template"]
        // Flagger rewrites the selector label to `<name>-primary` on every copy (the primary's
        // selector is immutable and must keep matching its pods).
        primary[path: "spec", "template", "metadata", "labels", "app"] = .string(primaryName)
        try store.update(primary, fieldManager: "flagger")
      } else {
        var primary: JSON = [
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": ["name": .string(primaryName), "namespace": .string(ns)],
          "spec": target["spec"] ?? [:],
        ]
        primary[path: "spec", "selector"] = ["matchLabels": ["app": .string(primaryName)]]
        primary[path: "spec", "template", "metadata", "labels"] = ["app": .string(primaryName)]
        try store.create(primary, fieldManager: "flagger")
      }
    }
    if let replicas = outcome.scaleTarget {
      try store.patch(
        apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: targetName,
        patch: ["spec": ["replicas": .int(replicas)]], fieldManager: "flagger")
    }
    let updated = try store.get(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: ns, name: name)
    for (type, message) in outcome.events {
      let existing = try store.list(
        apiVersion: "v1", kind: "Event", namespace: ns,
        fieldSelector: "involvedObject.kind=Canary,involvedObject.name=\(name)")
      let sequence = state.withLock { s -> Int in
        s.sequence += 1
        return s.sequence
      }
      let event = FlaggerEventRecorder().record(
        canary: updated, type: type, message: message, time: now, sequence: sequence, existing: existing)
      if event[path: "metadata", "resourceVersion"] != nil {
        try store.update(event, fieldManager: "flagger")
      } else {
        try store.create(event, fieldManager: "flagger")
      }
    }
  }

  /// Ticks every Canary every `period` until `stop()`.
  public func start(every period: Duration) {
    let task = Task { [self] in
      while !Task.isCancelled {
        try? tick()
        try? await Task.sleep(for: period)
      }
    }
    state.withLock { $0.task = task }
  }

  public func stop() async {
    let task = state.withLock { s -> Task<Void, Never>? in
      defer { s.task = nil }
      return s.task
    }
    task?.cancel()
    await task?.value
  }

  static func path(of url: String) -> String {
    guard let scheme = url.firstRange(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    guard let slash = rest.firstIndex(of: "/") else { return "/" }
    return String(rest[slash...].prefix { $0 != "?" })
  }

  static func now() -> String { RFC3339Time.now().rfc3339 }
}
