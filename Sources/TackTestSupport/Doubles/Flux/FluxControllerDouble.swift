import TackJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plays source-, kustomize-, helm-, notification- and the image controllers against the test API
/// server: watches the Flux kinds and, on a new `reconcile.fluxcd.io/requestedAt` token or a new
/// generation of an object that is not suspended, writes status the way the real controller does
/// (`FluxStatusModel`), following each object's scripted `FluxBehaviour`.
///
/// ```swift
/// let cluster = try await TestCluster.start()
/// try await cluster.installCRDs(.flux)
/// let flux = await FluxControllerDouble.start(on: cluster.server)   // every object becomes Ready
/// await flux.script(.kustomization, "flux-system", "apps", .fail(message: "kustomize build failed", after: .milliseconds(50)))
/// await flux.script(.kustomization, "flux-system", "slow", .neverAnswer)
/// ...
/// await flux.stop()
/// ```
///
/// Every final status write is recorded (`writes`) with the wall-clock time it was made, for
/// assertions and for the reconcile benchmark ("time from Ready to tack exiting").
public actor FluxControllerDouble {
  public struct StatusWrite: Sendable, Equatable {
    public var ref: FluxDoubleRef
    /// `Ready` condition status written: `True`, `False`.
    public var ready: String
    /// Wall clock (CLOCK_REALTIME) in nanoseconds since the epoch, comparable across processes.
    public var wallClockNanoseconds: Int64
  }

  let store: any FluxDoubleStore
  let controllers: Set<FluxController>
  var defaultBehaviour: FluxBehaviour
  var kindBehaviours: [FluxDoubleKind: FluxBehaviour] = [:]
  var behaviours: [FluxDoubleRef: FluxBehaviour] = [:]
  var revisions: [FluxDoubleRef: String] = [:]
  /// The (generation, token) last acted on per object; a new one triggers a reconcile.
  var handled: [FluxDoubleRef: Attempt] = [:]
  var inFlight: Set<FluxDoubleRef> = []
  /// Objects held until their source settles (`succeedAfterSource`).
  var waitingOnSource: [FluxDoubleRef: FluxDoubleRef] = [:]
  var watchers: [Task<Void, Never>] = []
  var attempts: [Int: Task<Void, Never>] = [:]
  var nextAttempt = 0
  var stopped = false
  public private(set) var writes: [StatusWrite] = []
  var onWrite: (@Sendable (StatusWrite) -> Void)?
  /// The API the Events of finished reconciles are written through.
  var eventAPI: FluxDoubleEventAPI = .core
  /// Events already written, by object, type, reason and message: a repeat bumps its count.
  var recordedEvents: [String: (name: String, count: Int, firstTime: String)] = [:]

  struct Attempt: Equatable {
    var generation: Int
    var token: String
  }

  public init(
    store: any FluxDoubleStore, controllers: Set<FluxController> = Set(FluxController.allCases),
    defaultBehaviour: FluxBehaviour = .default
  ) {
    self.store = store
    self.controllers = controllers
    self.defaultBehaviour = defaultBehaviour
  }

  // MARK: scripting

  /// How one object answers from now on.
  public func script(_ kind: FluxDoubleKind, _ namespace: String, _ name: String, _ behaviour: FluxBehaviour) {
    behaviours[FluxDoubleRef(kind, namespace, name)] = behaviour
  }

  /// How every object of a kind answers unless scripted one by one.
  public func script(_ kind: FluxDoubleKind, _ behaviour: FluxBehaviour) { kindBehaviours[kind] = behaviour }

  /// How every other object answers.
  public func scriptDefault(_ behaviour: FluxBehaviour) { defaultBehaviour = behaviour }

  /// The revision the next successful reconcile of a source reports (a new commit, a new chart).
  public func setRevision(_ kind: FluxDoubleKind, _ namespace: String, _ name: String, _ revision: String) {
    revisions[FluxDoubleRef(kind, namespace, name)] = revision
  }

  /// Writes the Events of finished reconciles as `events.k8s.io/v1` (or core/v1, as Flux does).
  public func recordEvents(as api: FluxDoubleEventAPI) { eventAPI = api }

  /// Called after every final status write (from the double's actor; keep it short).
  public func onStatusWrite(_ callback: @escaping @Sendable (StatusWrite) -> Void) { onWrite = callback }

  func behaviour(for ref: FluxDoubleRef) -> FluxBehaviour {
    behaviours[ref] ?? kindBehaviours[ref.kind] ?? defaultBehaviour
  }

  // MARK: running

  /// Starts watching every kind of the chosen controllers. Objects that already exist are
  /// reconciled if they need it (no status yet, or a pending request).
  public func start() {
    for kind in FluxDoubleKind.allCases where controllers.contains(kind.controller) {
      watchers.append(Task { [weak self] in await self?.follow(kind) })
    }
  }

  /// Stops watching and abandons reconciles in flight.
  public func stop() async {
    stopped = true
    let tasks = watchers + Array(attempts.values)
    for task in tasks { task.cancel() }
    for task in tasks { await task.value }
    watchers = []
    attempts = [:]
  }

  func follow(_ kind: FluxDoubleKind) async {
    var version: String?
    while !Task.isCancelled {
      do {
        if version == nil {
          let list = try await store.list(kind)
          for object in list.items { consider(object) }
          version = list.resourceVersion
        }
        for try await event in try await store.watch(kind, from: version) {
          switch event {
          case .upserted(let object):
            version = object[path: "metadata", "resourceVersion"]?.stringValue ?? version
            consider(object)
          case .deleted(let object):
            version = object[path: "metadata", "resourceVersion"]?.stringValue ?? version
            if let ref = FluxDoubleRef(object: object) { handled[ref] = nil }
          }
        }
      } catch {
        version = nil
      }
      if Task.isCancelled { return }
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  func consider(_ object: JSON) {
    guard !stopped, let ref = FluxDoubleRef(object: object), controllers.contains(ref.kind.controller) else { return }
    // A source that settled may release objects held behind it.
    if ref.kind.controller == .source || ref.kind == .imageRepository { releaseDependents(of: ref) }
    guard object[path: "spec", "suspend"]?.boolValue != true else { return }
    if ref.kind == .helmRepository, object[path: "spec", "type"]?.stringValue == "oci" { return }
    let attempt = Attempt(
      generation: object[path: "metadata", "generation"]?.intValue ?? 1,
      token: object[path: "metadata", "annotations", FluxStatusModel.requestedAtAnnotation]?.stringValue ?? "")
    guard handled[ref] != attempt else { return }
    // First sight of an object whose status is already current (seeded fixtures, an object
    // reconciled before the double started): like a controller catching up, nothing to do.
    if handled[ref] == nil, Self.isCurrent(object, token: attempt.token) {
      handled[ref] = attempt
      return
    }
    guard !inFlight.contains(ref) else { return }
    handled[ref] = attempt
    inFlight.insert(ref)
    let behaviour = behaviour(for: ref)
    let id = nextAttempt
    nextAttempt += 1
    attempts[id] = Task { [weak self] in
      await self?.reconcile(ref, object, behaviour)
      await self?.forget(id)
    }
  }

  func releaseDependents(of source: FluxDoubleRef) {
    let held = waitingOnSource.filter { $0.value == source }.map(\.key)
    for ref in held {
      waitingOnSource[ref] = nil
      handled[ref] = nil
      Task { [weak self] in
        guard let self, let object = try? await self.store.get(ref.kind, namespace: ref.namespace, name: ref.name)
        else { return }
        await self.consider(object)
      }
    }
  }

  func reconcile(_ ref: FluxDoubleRef, _ object: JSON, _ behaviour: FluxBehaviour) async {
    defer { finished(ref) }
    if case .neverAnswer = behaviour { return }
    let sourceRef = FluxControllerDouble.sourceRef(of: ref, object)
    var source: JSON?
    if let sourceRef { source = try? await store.get(sourceRef.kind, namespace: sourceRef.namespace, name: sourceRef.name) }
    if ref.kind == .helmRelease, let sourceRef, source == nil, object[path: "spec", "chart"] != nil {
      source = await createHelmChart(sourceRef, for: object)
    }
    var behaviour = behaviour
    if case .succeedAfterSource(let after) = behaviour, let sourceRef {
      if source == nil {
        behaviour = .fail(
          message: "\(sourceRef.kind.kind).\(sourceRef.kind.group) \"\(sourceRef.name)\" not found", after: after)
      } else if let source, !Self.isSettled(source) {
        // Held: the source's next status write releases it. Look once more after registering, in
        // case that write landed while the first look was in flight.
        waitingOnSource[ref] = sourceRef
        if let again = try? await store.get(sourceRef.kind, namespace: sourceRef.namespace, name: sourceRef.name),
          Self.isSettled(again)
        {
          releaseDependents(of: sourceRef)
        }
        return
      }
    }
    var inputs = FluxStatusModel.Inputs(source: source, revision: revisions[ref])
    let started = ContinuousClock.now
    do {
      guard var current = try await store.get(ref.kind, namespace: ref.namespace, name: ref.name) else { return }
      let previous = current["status"]
      current["metadata"] = object["metadata"]
      let progressing = FluxStatusModel.progressing(ref.kind, current, inputs)
      _ = try await store.writeStatus(ref.kind, namespace: ref.namespace, name: ref.name, status: progressing)
      if behaviour.delay > .zero { try await Task.sleep(for: behaviour.delay) }
      guard var latest = try await store.get(ref.kind, namespace: ref.namespace, name: ref.name) else { return }
      latest["metadata"] = object["metadata"]
      inputs.now = FluxStatusModel.timestamp()
      let final: JSON
      switch behaviour {
      case .succeed, .succeedAfterSource:
        final = FluxStatusModel.succeeded(ref.kind, latest, inputs)
      case .fail(let message, _):
        final = FluxStatusModel.failed(ref.kind, latest, message: message, inputs)
      case .stall(let message, _):
        final = FluxStatusModel.stalled(ref.kind, latest, message: message, inputs)
      case .neverAnswer:
        return
      }
      let written = try await store.writeStatus(ref.kind, namespace: ref.namespace, name: ref.name, status: final)
      if let written { await report(ref, object: written, status: final, previous: previous, started: started) }
      record(ref, ready: final["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }?["status"]?
        .stringValue ?? "")
    } catch {
      // Cancelled by stop(), or the object went away: nothing to write.
    }
  }

  func forget(_ attempt: Int) { attempts[attempt] = nil }

  func finished(_ ref: FluxDoubleRef) {
    inFlight.remove(ref)
    // A request or spec change that arrived meanwhile gets its own reconcile.
    Task { [weak self] in
      guard let self, !Task.isCancelled,
        let object = try? await self.store.get(ref.kind, namespace: ref.namespace, name: ref.name)
      else { return }
      await self.consider(object)
    }
  }

  func record(_ ref: FluxDoubleRef, ready: String) {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    let write = StatusWrite(
      ref: ref, ready: ready, wallClockNanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    writes.append(write)
    onWrite?(write)
  }

  /// helm-controller creates `<namespace>-<name>` next to the chart's source for a chart template.
  func createHelmChart(_ ref: FluxDoubleRef, for release: JSON) async -> JSON? {
    let template = release[path: "spec", "chart", "spec"] ?? [:]
    var spec: JSON = [
      "chart": template["chart"] ?? "podinfo",
      "sourceRef": template["sourceRef"] ?? [:],
      "interval": template["interval"] ?? release[path: "spec", "interval"] ?? "5m0s",
      "reconcileStrategy": template["reconcileStrategy"] ?? "ChartVersion",
    ]
    if let version = template["version"] { spec["version"] = version }
    if var sourceRef = spec["sourceRef"], sourceRef["namespace"] != nil {
      sourceRef["namespace"] = nil
      spec["sourceRef"] = sourceRef
    }
    let chart: JSON = [
      "apiVersion": .string(FluxDoubleKind.helmChart.apiVersion), "kind": "HelmChart",
      "metadata": ["name": .string(ref.name), "namespace": .string(ref.namespace)],
      "spec": spec,
    ]
    try? await store.create(.helmChart, chart)
    return try? await store.get(.helmChart, namespace: ref.namespace, name: ref.name)
  }

  /// The object a reconcile of `ref` reads first, as the controllers resolve it.
  static func sourceRef(of ref: FluxDoubleRef, _ object: JSON) -> FluxDoubleRef? {
    func named(_ reference: JSON?, defaultKind: FluxDoubleKind? = nil) -> FluxDoubleRef? {
      guard let reference, let name = reference["name"]?.stringValue else { return nil }
      let kind = reference["kind"]?.stringValue.flatMap(FluxDoubleKind.init(rawValue:)) ?? defaultKind
      guard let kind else { return nil }
      let namespace = reference["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? ref.namespace
      return FluxDoubleRef(kind, namespace, name)
    }
    switch ref.kind {
    case .kustomization, .imageUpdateAutomation:
      return named(object[path: "spec", "sourceRef"])
    case .helmChart:
      return named(object[path: "spec", "sourceRef"]).map { FluxDoubleRef($0.kind, ref.namespace, $0.name) }
    case .imagePolicy:
      return named(object[path: "spec", "imageRepositoryRef"], defaultKind: .imageRepository)
    case .helmRelease:
      if let chartRef = named(object[path: "spec", "chartRef"]) { return chartRef }
      let sourceNamespace =
        object[path: "spec", "chart", "spec", "sourceRef", "namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        ?? ref.namespace
      return FluxDoubleRef(.helmChart, sourceNamespace, "\(ref.namespace)-\(ref.name)")
    default:
      return nil
    }
  }

  /// Status written for this generation and this request token, with a Ready condition.
  static func isCurrent(_ object: JSON, token: String) -> Bool {
    let status = object["status"]
    guard status?["conditions"]?.arrayValue?.contains(where: { $0["type"]?.stringValue == "Ready" }) == true,
      status?["observedGeneration"]?.intValue == (object[path: "metadata", "generation"]?.intValue ?? 1)
    else { return false }
    return token.isEmpty || status?["lastHandledReconcileAt"]?.stringValue == token
  }

  /// Ready with an artifact (or a scan) for its generation, and no reconcile request pending.
  static func isSettled(_ source: JSON) -> Bool {
    let ready = source[path: "status", "conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
    guard ready?["status"]?.stringValue == "True" else { return false }
    let generation = source[path: "metadata", "generation"]?.intValue ?? 1
    guard source[path: "status", "observedGeneration"]?.intValue == generation else { return false }
    if let token = source[path: "metadata", "annotations", FluxStatusModel.requestedAtAnnotation]?.stringValue,
      source[path: "status", "lastHandledReconcileAt"]?.stringValue != token
    {
      return false
    }
    return true
  }
}
