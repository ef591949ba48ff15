import TackJSON

/// Flagger's scheduler (`advanceCanary`) as a pure state machine a test drives tick by tick: given
/// the Canary and its target workload at a moment, it returns the new `status` exactly as Flagger
/// writes it, the events Flagger would record (with its message templates), and what it does to
/// the workloads (copy the template to `-primary`, scale the target).
///
/// Flagger's quirks are kept on purpose, because tack must cope with them:
/// - `status.canaryWeight` is zeroed outside Progressing/Waiting/Promoting (`setStatusPhase`);
/// - `status.iterations` is pinned to `iterations-1` while WaitingPromotion;
/// - `status.lastTransitionTime` moves on every sync (a Failed canary churns every tick);
/// - the `Promoted` condition's lastTransitionTime changes only when its status changes
///   (Unknown/True/False), and it reads True for both Initialized and Succeeded.
///
/// Gates are asked through `hook`, which the wrapper answers the way Flagger's webhook call would
/// (the loadtester double's `/gate/check`, `/rollback/check`, or a static `/gate/approve`).
public struct FlaggerSimulator: Sendable {
  /// What the scripted analysis reports on a tick of the current run (1-based tick of analysis).
  public enum CheckResult: Sendable, Equatable {
    case pass
    /// A metric out of range: the event Flagger writes, e.g. `success rate 95.20% < 99%`.
    case metricFailed(String)
    /// No data for a metric (`Halt advancement no values found for …`).
    case noValues(metric: String)
  }

  /// The analysis outcome per tick of the current run; default: every check passes.
  public var checks: @Sendable (_ runTick: Int) -> CheckResult

  public init(checks: @escaping @Sendable (_ runTick: Int) -> CheckResult = { _ in .pass }) {
    self.checks = checks
  }

  public struct Outcome: Sendable {
    /// The Canary's new `status` (write it through the status subresource).
    public var status: JSON
    /// Events to record, in order: (type, message).
    public var events: [(type: String, message: String)]
    /// Copy the target's pod template into `<target>-primary`.
    public var promoteTemplate: Bool
    /// Scale the target to this many replicas (Flagger scales it to 0 after a run).
    public var scaleTarget: Int?
    /// Analysis ticks of the current run; pass it back into the next `tick` (the double's own
    /// bookkeeping — Flagger keeps no such field).
    public var runTick: Int
  }

  /// One scheduler tick at `now` (RFC 3339). `hook(type, url)` answers whether a gate webhook
  /// passes (2xx), as Flagger's `CallWebhook` decides.
  public func tick(
    canary: JSON, target: JSON, now: String, runTick: Int = 0, hook: (_ type: String, _ url: String) -> Bool
  ) -> Outcome {
    withoutActuallyEscaping(hook) { hook in
      var run = Run(canary: canary, target: target, now: now, runTick: runTick, hook: hook, checks: checks)
      run.advance()
      return Outcome(
        status: run.statusJSON(), events: run.events, promoteTemplate: run.promoteTemplate,
        scaleTarget: run.scaleTarget, runTick: run.runTick)
    }
  }

  /// Flagger's spec hash stand-in: any stable digest of the pod template distinguishes revisions.
  public static func templateHash(_ workload: JSON) -> String {
    let text = (workload[path: "spec", "template"] ?? .null).serialized(.init(sortKeys: true))
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// One tick's working state.
struct Run {
  let canary: JSON
  let now: String
  let hook: (String, String) -> Bool
  let checks: @Sendable (Int) -> FlaggerSimulator.CheckResult
  let name: String
  let namespace: String
  let targetName: String
  let analysis: JSON
  let targetHash: String

  var phase: String
  var weight: Int
  var failedChecks: Int
  var iterations: Int
  var lastApplied: String
  var lastPromoted: String
  var condition: JSON?
  var events: [(type: String, message: String)] = []
  var promoteTemplate = false
  var scaleTarget: Int?
  /// Analysis ticks in this run.
  var runTick: Int

  init(
    canary: JSON, target: JSON, now: String, runTick: Int, hook: @escaping (String, String) -> Bool,
    checks: @escaping @Sendable (Int) -> FlaggerSimulator.CheckResult
  ) {
    self.canary = canary
    self.now = now
    self.hook = hook
    self.checks = checks
    name = canary[path: "metadata", "name"]?.stringValue ?? ""
    namespace = canary[path: "metadata", "namespace"]?.stringValue ?? ""
    targetName = canary[path: "spec", "targetRef", "name"]?.stringValue ?? ""
    analysis = canary[path: "spec", "analysis"] ?? .object([:])
    targetHash = FlaggerSimulator.templateHash(target)
    let status = canary["status"] ?? .object([:])
    phase = status["phase"]?.stringValue ?? ""
    weight = status["canaryWeight"]?.intValue ?? 0
    failedChecks = status["failedChecks"]?.intValue ?? 0
    iterations = status["iterations"]?.intValue ?? 0
    lastApplied = status["lastAppliedSpec"]?.stringValue ?? ""
    lastPromoted = status["lastPromotedSpec"]?.stringValue ?? ""
    condition = status["conditions"]?[0]
    self.runTick = runTick
  }

  var id: String { "\(name).\(namespace)" }
  var targetID: String { "\(targetName).\(namespace)" }
  var threshold: Int { max(1, analysis["threshold"]?.intValue ?? 1) }
  var totalIterations: Int { analysis["iterations"]?.intValue ?? 0 }
  var maxWeight: Int {
    if let last = analysis["stepWeights"]?.arrayValue?.last?.intValue { return last }
    let m = analysis["maxWeight"]?.intValue ?? 0
    return m > 0 ? m : 100
  }
  var skipAnalysis: Bool { canary[path: "spec", "skipAnalysis"]?.boolValue ?? false }

  func hooks(_ type: String) -> [(name: String, url: String)] {
    (analysis["webhooks"]?.arrayValue ?? []).compactMap { hook in
      let t = hook["type"]?.stringValue ?? "rollout"
      guard t == type else { return nil }
      return (hook["name"]?.stringValue ?? "", hook["url"]?.stringValue ?? "")
    }
  }

  mutating func event(_ message: String, warning: Bool = false) {
    events.append((warning ? "Warning" : "Normal", message))
  }

  mutating func setPhase(_ newPhase: String) {
    phase = newPhase
    if !["Progressing", "Waiting", "Promoting"].contains(newPhase) { weight = 0 }
  }

  // MARK: the scheduler tick

  mutating func advance() {
    if canary[path: "spec", "suspend"]?.boolValue == true {
      event("skipping canary run as object is suspended")
      return
    }
    switch phase {
    case "":
      setPhase("Initializing")
      return
    case "Initializing":
      promoteTemplate = true
      scaleTarget = 0
      lastApplied = targetHash
      lastPromoted = targetHash
      setPhase("Initialized")
      event("Initialization done! \(id)")
      return
    case "Initialized", "Succeeded", "Failed":
      guard targetHash != lastApplied else { return }
      startRun()
      return
    case "Waiting":
      startRun()
      return
    case "Progressing", "WaitingPromotion":
      analyse()
    case "Promoting":
      event("Routing all traffic to primary")
      setPhase("Finalising")
    case "Finalising":
      event("Promotion completed! Scaling down \(targetID)")
      scaleTarget = 0
      lastPromoted = lastApplied
      setPhase("Succeeded")
    default:
      return
    }
  }

  /// A new revision: confirm-rollout gate, then scale up and start progressing.
  mutating func startRun() {
    for hook in hooks("confirm-rollout") {
      if !self.hook("confirm-rollout", hook.url) {
        if phase != "Waiting" {
          setPhase("Waiting")
          event("Halt \(id) advancement waiting for approval \(hook.name)", warning: true)
        }
        return
      }
      event("Confirm-rollout check \(hook.name) passed")
    }
    event("New revision detected! Scaling up \(targetID)")
    lastApplied = targetHash
    weight = 0
    failedChecks = 0
    iterations = 0
    runTick = 0
    setPhase("Progressing")
  }

  mutating func analyse() {
    // A new revision during the run restarts it.
    if targetHash != lastApplied {
      event("New revision detected! Restarting analysis for \(targetID)")
      lastApplied = targetHash
      weight = 0
      failedChecks = 0
      iterations = 0
      runTick = 0
      setPhase("Progressing")
      return
    }
    if skipAnalysis {
      event("Copying \(targetID) template spec to \(targetName)-primary.\(namespace)")
      promoteTemplate = true
      event("Routing all traffic to primary")
      scaleTarget = 0
      event("Promotion completed! Canary analysis was skipped for \(targetID)")
      lastPromoted = lastApplied
      setPhase("Succeeded")
      return
    }
    for hook in hooks("rollback") {
      if self.hook("rollback", hook.url) {
        event("Rollback check \(hook.name) passed", warning: true)
        event("Rolling back \(id) manual webhook invoked", warning: true)
        fail()
        return
      }
      event("Rollback hook \(hook.name) not signaling a rollback")
    }
    if failedChecks >= threshold {
      event("Rolling back \(id) failed checks threshold reached \(failedChecks)", warning: true)
      fail()
      return
    }
    runTick += 1
    if runTick == 1 {
      event("Starting canary analysis for \(targetID)")
      for hook in hooks("pre-rollout") { event("Pre-rollout check \(hook.name) passed") }
    }
    switch checks(runTick) {
    case .pass: break
    case .metricFailed(let text):
      event("Halt \(id) advancement \(text)", warning: true)
      failedChecks += 1
      return
    case .noValues(let metric):
      event(
        "Halt advancement no values found for kubernetes metric \(metric) probably \(targetID) is not receiving traffic",
        warning: true)
      failedChecks += 1
      return
    }
    if totalIterations > 0 { advanceIterations() } else { advanceWeight() }
  }

  mutating func advanceWeight() {
    if phase == "Progressing" && weight < maxWeight {
      for hook in hooks("confirm-traffic-increase") where !self.hook("confirm-traffic-increase", hook.url) {
        event("Halt \(id) advancement waiting for traffic increase approval \(hook.name)", warning: true)
        return
      }
      for hook in hooks("confirm-traffic-increase") { event("Confirm-traffic-increase check \(hook.name) passed") }
      weight = nextWeight()
      event("Advance \(id) canary weight \(weight)")
      return
    }
    promoteIfConfirmed()
  }

  func nextWeight() -> Int {
    let step = analysis["stepWeight"]?.intValue ?? 0
    if step <= 0, let ladder = analysis["stepWeights"]?.arrayValue?.compactMap(\.intValue) {
      return ladder.first { $0 > weight } ?? maxWeight
    }
    return min(weight + max(step, 1), maxWeight)
  }

  mutating func advanceIterations() {
    if phase == "Progressing" && iterations < totalIterations {
      iterations += 1
      event("Advance \(id) canary iteration \(iterations)/\(totalIterations)")
      return
    }
    promoteIfConfirmed()
  }

  mutating func promoteIfConfirmed() {
    for hook in hooks("confirm-promotion") {
      if !self.hook("confirm-promotion", hook.url) {
        if phase != "WaitingPromotion" {
          setPhase("WaitingPromotion")
          event("Halt \(id) advancement waiting for promotion approval \(hook.name)", warning: true)
        }
        if totalIterations > 0 { iterations = totalIterations - 1 }
        return
      }
      event("Confirm-promotion check \(hook.name) passed")
    }
    if phase == "WaitingPromotion" {
      // Back at the top of the ladder for the promotion itself.
      weight = totalIterations > 0 ? 0 : maxWeight
    }
    if totalIterations > 0 { event("Routing all traffic to canary") }
    event("Copying \(targetID) template spec to \(targetName)-primary.\(namespace)")
    promoteTemplate = true
    setPhase("Promoting")
  }

  mutating func fail() {
    event("Canary failed! Scaling down \(id)", warning: true)
    scaleTarget = 0
    setPhase("Failed")
  }

  // MARK: status as Flagger writes it

  func conditionFor(_ phase: String) -> (status: String, message: String) {
    switch phase {
    case "Initializing": ("Unknown", "New Deployment detected, starting initialization.")
    case "Initialized": ("True", "Deployment initialization completed.")
    case "Waiting": ("Unknown", "Waiting for approval.")
    case "WaitingPromotion": ("Unknown", "Waiting for approval.")
    case "Progressing": ("Unknown", "New revision detected, progressing canary analysis.")
    case "Promoting": ("Unknown", "Canary analysis completed, starting primary rolling update.")
    case "Finalising": ("Unknown", "Canary analysis completed, routing all traffic to primary.")
    case "Succeeded": ("True", "Canary analysis completed successfully, promotion finished.")
    case "Failed": ("False", "Canary analysis failed, Deployment scaled to zero.")
    default: ("Unknown", "")
    }
  }

  func statusJSON() -> JSON {
    var status = canary["status"]?.objectValue ?? JSONObject()
    status["phase"] = .string(phase)
    status["canaryWeight"] = .int(weight)
    status["failedChecks"] = .int(failedChecks)
    status["iterations"] = .int(iterations)
    if !lastApplied.isEmpty { status["lastAppliedSpec"] = .string(lastApplied) }
    if !lastPromoted.isEmpty { status["lastPromotedSpec"] = .string(lastPromoted) }
    status["lastTransitionTime"] = .string(now)
    let (condStatus, message) = conditionFor(phase)
    var cond: JSONObject = condition?.objectValue ?? JSONObject()
    let changedStatus = cond["status"]?.stringValue != condStatus
    let changedReason = cond["reason"]?.stringValue != phase
    if changedStatus || changedReason || cond.isEmpty {
      cond["type"] = "Promoted"
      cond["status"] = .string(condStatus)
      cond["lastUpdateTime"] = .string(now)
      if changedStatus || cond["lastTransitionTime"] == nil { cond["lastTransitionTime"] = .string(now) }
      cond["reason"] = .string(phase)
      cond["message"] = .string(message)
    }
    status["conditions"] = [.object(cond)]
    return .object(status)
  }
}
