/// The manual gate holding a canary, if any: which webhook type, which hook, and whether tack can
/// open it (the hook points at a flagger-loadtester `/gate/check`).
public struct CanaryGate: Sendable, Equatable {
  public var type: CanaryGateType
  public var webhook: CanaryWebhook
  /// Set when the hook URL is a loadtester `/gate/check` tack can reach through the service proxy.
  public var loadtester: LoadtesterEndpoint?
  /// When the current hold started, from the events (may have expired).
  public var since: String?

  public init(type: CanaryGateType, webhook: CanaryWebhook, loadtester: LoadtesterEndpoint?, since: String?) {
    self.type = type
    self.webhook = webhook
    self.loadtester = loadtester
    self.since = since
  }

  /// Finds the gate holding a canary:
  /// - phase `Waiting` → a `confirm-rollout` hook,
  /// - phase `WaitingPromotion` → a `confirm-promotion` hook,
  /// - phase `Progressing` whose latest step event is "waiting for traffic increase approval"
  ///   (Flagger repeats it every tick while the hook says no) → `confirm-traffic-increase`.
  /// The hook named in the latest waiting event wins; otherwise the first hook of that type.
  public static func holding(spec: CanarySpec, status: CanaryStatus, events: [CanaryEvent]) -> CanaryGate? {
    let type: CanaryGateType
    switch status.phase {
    case .waiting: type = .confirmRollout
    case .waitingPromotion: type = .confirmPromotion
    case .progressing:
      guard let latest = latestStepEvent(events), case .gateWaiting(.confirmTrafficIncrease, _) = latest.kind
      else { return nil }
      type = .confirmTrafficIncrease
    default: return nil
    }
    let hooks = spec.analysis.webhooks(ofType: type.hookType)
    let waiting = events.last { event in
      if case .gateWaiting(let gate, _) = event.kind { return gate == type }
      return false
    }
    var hook = hooks.first
    if let waiting, case .gateWaiting(_, let name) = waiting.kind, let named = hooks.first(where: { $0.name == name }) {
      hook = named
    }
    guard let hook else { return nil }
    return CanaryGate(
      type: type, webhook: hook, loadtester: LoadtesterEndpoint(url: hook.url, expectedPath: "/gate/check"),
      since: waiting?.firstTime ?? waiting?.time)
  }

  /// The latest event that moves or holds the weight, to tell a traffic-increase hold from a
  /// run that has since moved on.
  static func latestStepEvent(_ events: [CanaryEvent]) -> CanaryEvent? {
    events.last { event in
      switch event.kind {
      case .gateWaiting(.confirmTrafficIncrease, _), .gatePassed(.confirmTrafficIncrease, _), .weightAdvanced,
        .newRevision, .analysisStarted, .analysisRestarted, .rollingBack, .promoted, .promotedWithoutAnalysis:
        return true
      default:
        return false
      }
    }
  }
}

/// A flagger-loadtester reached through the API server's service proxy, parsed from a webhook URL
/// `http://<service>.<namespace>[.svc[.cluster.local]][:port]/gate/check`.
public struct LoadtesterEndpoint: Sendable, Equatable {
  public var scheme: String
  public var service: String
  public var namespace: String
  /// The service port as written in the URL, or the scheme's default (80/443).
  public var port: Int

  public init(scheme: String = "http", service: String, namespace: String, port: Int = 80) {
    self.scheme = scheme
    self.service = service
    self.namespace = namespace
    self.port = port
  }

  /// `nil` unless the URL is an in-cluster service URL whose path is `expectedPath`.
  public init?(url: String, expectedPath: String) {
    guard let parsed = Self.parse(url), parsed.path == expectedPath else { return nil }
    self = parsed.endpoint
  }

  /// Splits a service URL into endpoint and path; `nil` for URLs that do not name a service and
  /// namespace (a bare `http://loadtester/…` resolves in Flagger's own namespace, which tack
  /// cannot know; an external host is not a service).
  public static func parse(_ url: String) -> (endpoint: LoadtesterEndpoint, path: String)? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    let scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
    guard scheme == "http" || scheme == "https" else { return nil }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    var path = String(rest.dropFirst(authority.count).prefix { $0 != "?" })
    if path.isEmpty { path = "/" }
    guard !authority.contains("@") else { return nil }
    var host = Substring(authority)
    var port = scheme == "https" ? 443 : 80
    if let colon = authority.lastIndex(of: ":") {
      guard let p = Int(authority[authority.index(after: colon)...]), p > 0, p < 65536 else { return nil }
      port = p
      host = authority[..<colon]
    }
    var labels = host.lowercased().split(separator: ".").map(String.init)
    if labels.last == "" { labels.removeLast() }
    // service.namespace, service.namespace.svc, service.namespace.svc.<cluster domain…>
    guard labels.count >= 2 else { return nil }
    if labels.count > 2 && labels[2] != "svc" { return nil }
    let isLabel: (String) -> Bool = { label in
      !label.isEmpty && label.count <= 63 && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        && label.first != "-" && label.last != "-"
    }
    guard isLabel(labels[0]), isLabel(labels[1]) else { return nil }
    return (LoadtesterEndpoint(scheme: scheme, service: labels[0], namespace: labels[1], port: port), path)
  }

  /// The API server path that proxies `path` to this service:
  /// `/api/v1/namespaces/<ns>/services/[https:]<svc>:<port>/proxy<path>`.
  public func proxyPath(_ path: String) -> String {
    let prefix = scheme == "https" ? "https:" : ""
    return "/api/v1/namespaces/\(namespace)/services/\(prefix)\(service):\(port)/proxy\(path)"
  }

  /// `flagger-loadtester.test:80`.
  public var description: String { "\(service).\(namespace):\(port)" }
}
