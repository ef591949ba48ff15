import TackBase
import TackJSON

/// The parts of a Flagger Canary's `spec` that tack reads, with Flagger's defaults applied the way
/// the controller applies them (`pkg/apis/flagger/v1beta1/canary.go`), so what tack shows is what
/// Flagger will do rather than what the YAML literally says.
public struct CanarySpec: Sendable, Equatable {
  public var targetAPIVersion: String
  public var targetKind: String
  public var targetName: String
  /// `spec.provider`, empty when the controller's `-mesh-provider` applies.
  public var provider: String
  public var skipAnalysis: Bool
  public var suspend: Bool
  public var progressDeadlineSeconds: Int
  public var analysis: CanaryAnalysis

  public init(
    targetAPIVersion: String = "apps/v1", targetKind: String = "Deployment", targetName: String,
    provider: String = "", skipAnalysis: Bool = false, suspend: Bool = false,
    progressDeadlineSeconds: Int = 600, analysis: CanaryAnalysis = CanaryAnalysis()
  ) {
    self.targetAPIVersion = targetAPIVersion
    self.targetKind = targetKind
    self.targetName = targetName
    self.provider = provider
    self.skipAnalysis = skipAnalysis
    self.suspend = suspend
    self.progressDeadlineSeconds = progressDeadlineSeconds
    self.analysis = analysis
  }

  /// Reads a Canary object (the whole object, not just `spec`).
  public init(canary: JSON) {
    let spec = canary["spec"] ?? .object([:])
    targetAPIVersion = spec[path: "targetRef", "apiVersion"]?.stringValue ?? "apps/v1"
    targetKind = spec[path: "targetRef", "kind"]?.stringValue ?? "Deployment"
    targetName = spec[path: "targetRef", "name"]?.stringValue ?? ""
    provider = spec["provider"]?.stringValue ?? ""
    suspend = spec["suspend"]?.boolValue ?? false
    progressDeadlineSeconds = spec["progressDeadlineSeconds"]?.intValue ?? 600
    // `canaryAnalysis` is the deprecated spelling Flagger still accepts.
    let analysisJSON = spec["analysis"] ?? spec["canaryAnalysis"]
    analysis = CanaryAnalysis(json: analysisJSON ?? .object([:]))
    // Flagger skips the analysis when asked to, and also when there is none at all.
    skipAnalysis = (spec["skipAnalysis"]?.boolValue ?? false) || analysisJSON == nil
  }

  /// The deployment strategy, derived as Flagger's `DeploymentStrategy()` derives it: header/cookie
  /// `match` with `iterations` is A/B testing, `iterations` alone is blue/green, anything else is a
  /// weighted canary. `provider: kubernetes` can neither shift weights nor match headers: the
  /// scheduler drops `match` and sets `iterations` before asking, so it is always blue/green.
  public var strategy: CanaryStrategy {
    if provider == "kubernetes" { return .blueGreen }
    if analysis.iterations > 0 { return analysis.hasMatch ? .abTesting : .blueGreen }
    return .canary
  }

  /// Iterations Flagger will run for blue/green and A/B; `provider: kubernetes` without
  /// `iterations` gets Flagger's "Setting canaryAnalysis.iterations: 10".
  public var effectiveIterations: Int {
    if analysis.iterations > 0 { return analysis.iterations }
    return provider == "kubernetes" ? 10 : 0
  }

  /// The primary workload Flagger generates next to the target.
  public var primaryName: String { targetName + "-primary" }
}

public enum CanaryStrategy: String, Sendable, Equatable, CaseIterable {
  case canary
  case blueGreen = "blue-green"
  case abTesting = "ab-testing"

  /// The word people use: "canary", "blue/green", "A/B testing".
  public var title: String {
    switch self {
    case .canary: "canary"
    case .blueGreen: "blue/green"
    case .abTesting: "A/B testing"
    }
  }
}

/// `spec.analysis`, with Flagger's defaults.
public struct CanaryAnalysis: Sendable, Equatable {
  /// As written (`1m`, `30s`); empty when unset.
  public var intervalText: String
  /// The ticker period Flagger uses: default 60 s, at least 10 s, 60 s when unparseable.
  public var interval: GoDuration
  /// `threshold`, or 1 when unset or not positive (`GetAnalysisThreshold`).
  public var threshold: Int
  /// `maxWeight` as written (0 when unset).
  public var maxWeightSetting: Int
  public var stepWeight: Int
  public var stepWeights: [Int]
  public var stepWeightPromotion: Int
  public var iterations: Int
  public var hasMatch: Bool
  public var mirror: Bool
  public var metrics: [CanaryMetric]
  public var webhooks: [CanaryWebhook]

  public init(
    interval: String = "1m", threshold: Int = 5, maxWeight: Int = 50, stepWeight: Int = 10,
    stepWeights: [Int] = [], stepWeightPromotion: Int = 0, iterations: Int = 0, hasMatch: Bool = false,
    mirror: Bool = false, metrics: [CanaryMetric] = [], webhooks: [CanaryWebhook] = []
  ) {
    intervalText = interval
    self.interval = Self.effectiveInterval(interval)
    self.threshold = threshold > 0 ? threshold : 1
    maxWeightSetting = maxWeight
    self.stepWeight = stepWeight
    self.stepWeights = stepWeights
    self.stepWeightPromotion = stepWeightPromotion
    self.iterations = iterations
    self.hasMatch = hasMatch
    self.mirror = mirror
    self.metrics = metrics
    self.webhooks = webhooks
  }

  public init(json: JSON) {
    intervalText = json["interval"]?.stringValue ?? ""
    interval = Self.effectiveInterval(intervalText)
    let threshold = json["threshold"]?.intValue ?? 0
    self.threshold = threshold > 0 ? threshold : 1
    maxWeightSetting = json["maxWeight"]?.intValue ?? 0
    stepWeight = json["stepWeight"]?.intValue ?? 0
    stepWeights = (json["stepWeights"]?.arrayValue ?? []).compactMap(\.intValue)
    stepWeightPromotion = json["stepWeightPromotion"]?.intValue ?? 0
    iterations = json["iterations"]?.intValue ?? 0
    hasMatch = !(json["match"]?.arrayValue ?? []).isEmpty
    mirror = json["mirror"]?.boolValue ?? false
    metrics = (json["metrics"]?.arrayValue ?? []).map(CanaryMetric.init(json:))
    webhooks = (json["webhooks"]?.arrayValue ?? []).map(CanaryWebhook.init(json:))
  }

  static func effectiveInterval(_ text: String) -> GoDuration {
    guard !text.isEmpty, let parsed = GoDuration(text) else { return GoDuration(seconds: 60) }
    return parsed < GoDuration(seconds: 10) ? GoDuration(seconds: 10) : parsed
  }

  public func webhooks(ofType type: CanaryWebhook.HookType) -> [CanaryWebhook] {
    webhooks.filter { $0.type == type }
  }
}

/// One entry of `analysis.metrics`.
public struct CanaryMetric: Sendable, Equatable {
  public var name: String
  /// Bounds as written (`99`, `0.5`), so `99` is not shown as `99.0`.
  public var min: String?
  public var max: String?
  /// Deprecated single `threshold` (a minimum for success rate, a maximum otherwise).
  public var legacyThreshold: String?
  public var interval: String
  public var templateName: String?
  public var templateNamespace: String?

  public init(
    name: String, min: String? = nil, max: String? = nil, legacyThreshold: String? = nil,
    interval: String = "1m", templateName: String? = nil, templateNamespace: String? = nil
  ) {
    self.name = name
    self.min = min
    self.max = max
    self.legacyThreshold = legacyThreshold
    self.interval = interval
    self.templateName = templateName
    self.templateNamespace = templateNamespace
  }

  public init(json: JSON) {
    name = json["name"]?.stringValue ?? ""
    min = Self.literal(json[path: "thresholdRange", "min"])
    max = Self.literal(json[path: "thresholdRange", "max"])
    legacyThreshold = Self.literal(json["threshold"])
    // Flagger's `GetMetricInterval` default.
    interval = json["interval"]?.stringValue ?? "1m"
    templateName = json[path: "templateRef", "name"]?.stringValue
    templateNamespace = json[path: "templateRef", "namespace"]?.stringValue
  }

  static func literal(_ value: JSON?) -> String? {
    switch value {
    case .number(let text)?: text
    case .string(let text)?: text
    default: nil
    }
  }

  /// The accepted range in words: `≥ 99%`, `≤ 500ms`, `10 … 20`.
  public var thresholdText: String {
    let unit: String
    switch name {
    case "request-success-rate": unit = "%"
    case "request-duration": unit = "ms"
    default: unit = ""
    }
    switch (min, max) {
    case (let lo?, let hi?): return "\(lo)\(unit) … \(hi)\(unit)"
    case (let lo?, nil): return "≥ \(lo)\(unit)"
    case (nil, let hi?): return "≤ \(hi)\(unit)"
    case (nil, nil):
      guard let legacy = legacyThreshold else { return "-" }
      return name == "request-success-rate" ? "≥ \(legacy)\(unit)" : "≤ \(legacy)\(unit)"
    }
  }

  /// `name` or `name.namespace` of the MetricTemplate; built-ins need none.
  public var templateText: String? {
    guard let templateName else { return nil }
    if let templateNamespace, !templateNamespace.isEmpty { return "\(templateName).\(templateNamespace)" }
    return templateName
  }
}

/// One entry of `analysis.webhooks`.
public struct CanaryWebhook: Sendable, Equatable {
  public enum HookType: String, Sendable, Equatable, CaseIterable {
    case confirmRollout = "confirm-rollout"
    case preRollout = "pre-rollout"
    case rollout
    case confirmTrafficIncrease = "confirm-traffic-increase"
    case confirmPromotion = "confirm-promotion"
    case postRollout = "post-rollout"
    case rollback
    case event
  }

  public var name: String
  /// `nil` for a type this version of tack does not know; an empty type means `rollout` to Flagger.
  public var type: HookType?
  public var typeText: String
  public var url: String

  public init(name: String, type: HookType, url: String) {
    self.name = name
    self.type = type
    typeText = type.rawValue
    self.url = url
  }

  public init(json: JSON) {
    name = json["name"]?.stringValue ?? ""
    let text = json["type"]?.stringValue ?? ""
    typeText = text.isEmpty ? "rollout" : text
    type = HookType(rawValue: typeText)
    url = json["url"]?.stringValue ?? ""
  }
}
