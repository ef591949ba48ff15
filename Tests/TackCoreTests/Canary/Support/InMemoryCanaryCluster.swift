import Synchronization
import TackBase
import TackCore
import TackJSON
import TackTestSupport

/// A cluster in memory for the canary use cases: one Canary, its target and primary Deployments,
/// the Canary's Events, a loadtester double behind a "service proxy", and the Flagger simulator
/// ticking every analysis interval of virtual time. `VirtualClock.sleep` moves time (and Flagger)
/// forward, so a whole release runs in microseconds and deterministically. It answers only the
/// ``Cluster`` requests the canary use cases make; the test API server cannot run in virtual time,
/// which is why these tests keep their own.
final class InMemoryCanaryCluster: Cluster, CanaryClock, @unchecked Sendable {
  struct State {
    var canary: JSON?
    var deployments: [String: JSON] = [:]
    var events: [JSON] = []
    var now: Double
    var nextTick: Double
    var runTick = 0
    var eventSequence = 0
    var requests: [String] = []
    var flaggerRunning = true
  }

  let state: Mutex<State>
  let loadtester = LoadtesterDouble()
  let simulator: FlaggerSimulator
  let loadtesterService = (namespace: "test", service: "flagger-loadtester")
  let namespace: String

  init(canary: JSON, target: JSON, start: String = "2026-11-28T10:00:00Z", simulator: FlaggerSimulator = .init()) {
    let t = RFC3339Time(start)!.seconds
    namespace = canary[path: "metadata", "namespace"]?.stringValue ?? "test"
    state = Mutex(State(canary: canary, now: t, nextTick: t + Self.interval(of: canary)))
    let name = target[path: "metadata", "name"]?.stringValue ?? ""
    state.withLock { $0.deployments[name] = target }
    self.simulator = simulator
  }

  static func interval(of canary: JSON) -> Double {
    CanarySpec(canary: canary).analysis.interval.seconds
  }

  var requests: [String] { state.withLock { $0.requests } }
  var canaryObject: JSON { state.withLock { $0.canary! } }
  var events: [JSON] { state.withLock { $0.events } }
  func deployment(_ name: String) -> JSON? { state.withLock { $0.deployments[name] } }

  /// Stops the simulated Flagger (to test timeouts against a controller that never answers).
  func stopFlagger() { state.withLock { $0.flaggerRunning = false } }

  // MARK: driving Flagger

  /// Runs Flagger ticks until the Canary reaches `phase` (or `limit` ticks), advancing time.
  @discardableResult
  func tick(until phase: String? = nil, limit: Int = 1) -> String {
    var count = 0
    while count < limit {
      state.withLock { s in
        s.now = s.nextTick
        Self.flaggerTick(&s, simulator: simulator, loadtester: loadtester)
        s.nextTick += Self.interval(of: s.canary!)
      }
      count += 1
      if let phase, currentPhase == phase { break }
    }
    return currentPhase
  }

  var currentPhase: String { state.withLock { $0.canary?[path: "status", "phase"]?.stringValue ?? "" } }

  static func flaggerTick(_ s: inout State, simulator: FlaggerSimulator, loadtester: LoadtesterDouble) {
    guard s.flaggerRunning, let canary = s.canary else { return }
    let targetName = canary[path: "spec", "targetRef", "name"]?.stringValue ?? ""
    guard let target = s.deployments[targetName] else { return }
    let now = RFC3339Time(seconds: s.now).description
    let ns = canary[path: "metadata", "namespace"]?.stringValue ?? ""
    let name = canary[path: "metadata", "name"]?.stringValue ?? ""
    let outcome = simulator.tick(canary: canary, target: target, now: now, runTick: s.runTick) { _, url in
      guard let (_, path) = LoadtesterEndpoint.parse(url) else { return false }
      let body = Array(#"{"name":"\#(name)","namespace":"\#(ns)","phase":"Progressing"}"#.utf8)
      let status = loadtester.handle(method: "POST", path: path, body: body).status
      return status <= 202
    }
    s.runTick = outcome.runTick
    s.canary?["status"] = outcome.status
    if outcome.promoteTemplate {
      var primary = s.deployments[targetName + "-primary"] ?? target
      primary[path: "metadata", "name"] = .string(targetName + "-primary")
      primary[path: "metadata", "managedFields"] = nil
      primary[path: "spec", "template"] = target[path: "spec", "template"]
      s.deployments[targetName + "-primary"] = primary
    }
    if let replicas = outcome.scaleTarget { s.deployments[targetName]?[path: "spec", "replicas"] = .int(replicas) }
    for (type, message) in outcome.events {
      s.eventSequence += 1
      let event = FlaggerEventRecorder().record(
        canary: canary, type: type, message: message, time: now, sequence: s.eventSequence, existing: s.events)
      let eventName = event[path: "metadata", "name"]?.stringValue
      if let i = s.events.firstIndex(where: { $0[path: "metadata", "name"]?.stringValue == eventName }) {
        s.events[i] = event
      } else {
        s.events.append(event)
      }
    }
  }

  /// `kubectl set image`: changes the target's template and records the managedFields time.
  func setImage(_ image: String, manager: String = "kubectl-set") {
    state.withLock { s in
      let name = s.canary?[path: "spec", "targetRef", "name"]?.stringValue ?? ""
      guard var target = s.deployments[name] else { return }
      target[path: "spec", "template", "spec", "containers"] = [["name": .string(name), "image": .string(image)]]
      var fields = target[path: "metadata", "managedFields"]?.arrayValue ?? []
      fields.append([
        "manager": .string(manager), "operation": "Update", "apiVersion": "apps/v1",
        "time": .string(RFC3339Time(seconds: s.now).description), "fieldsType": "FieldsV1",
        "fieldsV1": ["f:spec": ["f:template": ["f:spec": ["f:containers": [:]]]]],
      ])
      target[path: "metadata", "managedFields"] = .array(fields)
      s.deployments[name] = target
    }
  }

  // MARK: CanaryClock (virtual time; Flagger ticks as time passes)

  func now() -> RFC3339Time { state.withLock { RFC3339Time(seconds: $0.now) } }

  func sleep(seconds: Double) async throws {
    try Task.checkCancellation()
    state.withLock { s in
      let until = s.now + seconds
      while s.nextTick <= until {
        s.now = s.nextTick
        Self.flaggerTick(&s, simulator: simulator, loadtester: loadtester)
        s.nextTick += Self.interval(of: s.canary!)
      }
      s.now = until
    }
    await Task.yield()
  }

  // MARK: Cluster: the requests the canary use cases make

  struct Unsupported: Error {}

  func serverVersion() async throws -> String { "v1.33.1" }

  func get(_ type: ObjectKind, namespace: String?, name: String) async throws -> JSON? {
    state.withLock { s in
      guard type.kind == "Canary" else { return s.deployments[name] }
      s.requests.append("GET canary \(namespace ?? "")/\(name)")
      guard let c = s.canary, c[path: "metadata", "name"]?.stringValue == name,
        c[path: "metadata", "namespace"]?.stringValue == namespace
      else { return nil }
      return c
    }
  }

  func listPages(_ type: ObjectKind, _ scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error> {
    let items: [JSON] = state.withLock { s in
      switch (type.group, type.kind) {
      case ("flagger.app", "Canary"): return s.canary.map { [$0] } ?? []
      case ("", "Event"):
        // `involvedObject.kind=Canary,involvedObject.name=NAME`: the one Canary's events.
        let name = scope.fieldSelector?.split(separator: "=").last.map(String.init)
        return s.events.filter { $0[path: "involvedObject", "name"]?.stringValue == name }
      default: return []
      }
    }
    return AsyncThrowingStream { continuation in
      continuation.yield(ObjectList(items: items))
      continuation.finish()
    }
  }

  func watch(_ type: ObjectKind, _ scope: ListScope, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    // No push notifications in virtual time: the waiter's re-GET drives progress.
    AsyncThrowingStream { continuation in
      continuation.onTermination = { _ in }
    }
  }

  func patch(_ type: ObjectKind, namespace: String?, name: String, _ patch: ObjectPatch) async throws -> JSON {
    guard case .merge(let mergePatch, _) = patch else { throw Unsupported() }
    return state.withLock { s in
      let namespace = namespace ?? ""
      if type.kind == "Canary" {
        s.requests.append("PATCH canary \(namespace)/\(name) \(mergePatch.serialized())")
        s.canary = Self.merge(s.canary!, mergePatch)
        return s.canary!
      }
      s.requests.append("PATCH \(type.kind) \(namespace)/\(name) \(mergePatch.serialized())")
      var target = Self.merge(s.deployments[name] ?? [:], mergePatch)
      if mergePatch[path: "spec", "template"] != nil {
        var fields = target[path: "metadata", "managedFields"]?.arrayValue ?? []
        fields.append([
          "manager": "tack", "operation": "Update", "time": .string(RFC3339Time(seconds: s.now).description),
          "fieldsType": "FieldsV1", "fieldsV1": ["f:spec": ["f:template": ["f:metadata": [:]]]],
        ])
        target[path: "metadata", "managedFields"] = .array(fields)
      }
      s.deployments[name] = target
      return target
    }
  }

  func proxy(_ request: ServiceProxyRequest) async throws -> ServiceProxyReply {
    let endpoint = LoadtesterEndpoint(
      scheme: request.scheme ?? "http", service: request.service, namespace: request.namespace,
      port: Int(request.port ?? "") ?? 80)
    let body = request.body ?? []
    state.withLock { $0.requests.append("\(request.method) \(endpoint.proxyPath(request.path)) \(String(decoding: body, as: UTF8.self))") }
    guard endpoint.service == loadtesterService.service, endpoint.namespace == loadtesterService.namespace else {
      return ServiceProxyReply(status: 503, body: "no endpoints available for service \"\(endpoint.service)\"")
    }
    let r = loadtester.handle(method: request.method, path: request.path, body: body)
    return ServiceProxyReply(status: r.status, body: r.body)
  }

  func dryRunApply(_ object: JSON, fieldManager: String, force: Bool) async throws -> DryRunOutcome { throw Unsupported() }
  func create(_ object: JSON) async throws -> JSON { throw Unsupported() }
  func update(_ object: JSON) async throws -> JSON { throw Unsupported() }
  func delete(_ type: ObjectKind, namespace: String?, name: String) async throws { throw Unsupported() }
  func podLogs(_ request: PodLogRequest) async throws -> AsyncThrowingStream<[UInt8], any Error> { throw Unsupported() }
  func raw(_ path: String) async throws -> [UInt8] { throw Unsupported() }

  static func merge(_ base: JSON, _ patch: JSON) -> JSON {
    guard case .object(let p) = patch else { return patch }
    var result = base.objectValue ?? JSONObject()
    for member in p {
      if member.value.isNull {
        result[member.key] = nil
      } else {
        result[member.key] = merge(result[member.key] ?? .null, member.value)
      }
    }
    return .object(result)
  }
}
