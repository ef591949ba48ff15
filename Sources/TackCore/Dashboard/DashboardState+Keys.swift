import TackOutput

/// Keys, after k9s and lazygit habits: arrows/jk move, Enter opens the detail, `/` filters, `:`
/// jumps to a kind or namespace, `r s u p a` act, `?` helps, `q` backs out and quits at the top.
extension DashboardState {
  /// Applies `key` (pressed at `instant`, for the confirmation guard) and returns what the world
  /// outside must do, if anything.
  public mutating func handle(_ key: Key, at instant: ContinuousClock.Instant) -> DashboardEffect? {
    if key == .control("c") { return .quit }
    switch mode {
    case .confirm(let pending): return answer(pending, key, at: instant)
    case .filter(let text):
      // The list filters as you type; Enter keeps the filter, Esc drops it.
      var done = false
      var cancelled = false
      let edited = edit(text, key, onDone: { done = true }, onCancel: { cancelled = true })
      filter = cancelled ? "" : edited ?? text
      mode = done || cancelled ? .normal : .filter(filter)
      selection[screen] = 0
      selectedKeys[screen] = nil
      return nil
    case .command(let text):
      var done = false
      var cancelled = false
      let edited = edit(text, key, onDone: { done = true }, onCancel: { cancelled = true })
      if cancelled {
        mode = .normal
        return nil
      }
      if done {
        mode = .normal
        return run(command: edited ?? text)
      }
      mode = .command(edited ?? text)
      return nil
    case .normal: return normal(key, at: instant)
    }
  }

  mutating func normal(_ key: Key, at instant: ContinuousClock.Instant) -> DashboardEffect? {
    if showHelp {
      if key == .character("?") || key == .character("q") || key == .escape { showHelp = false }
      return nil
    }
    switch key {
    case .character("q"), .escape:
      if detail != nil {
        closeDetail()
        return nil
      }
      if key == .escape {
        if !filter.isEmpty || kindFilter != nil {
          filter = ""
          kindFilter = nil
        }
        return nil
      }
      return .quit
    case .character("?"): showHelp = true
    case .character("1"): switchTo(.overview)
    case .character("2"): switchTo(.objects)
    case .character("3"): switchTo(.canaries)
    case .character("4") where isFleet: switchTo(.fleet)
    case .character("5"): switchTo(.tree)
    case .tab, .backTab:
      let order = screens
      let index = order.firstIndex(of: screen) ?? 0
      let step = key == .tab ? 1 : order.count - 1
      switchTo(order[(index + step) % order.count])
    case .down, .character("j"): move(by: 1)
    case .up, .character("k"): move(by: -1)
    case .pageDown, .control("f"): move(by: 10)
    case .pageUp, .control("b"): move(by: -10)
    case .home, .character("g"): move(by: Int.min / 2)
    case .end, .character("G"): move(by: Int.max / 2)
    case .enter:
      if screen == .overview {
        switchTo(.objects)
        return nil
      }
      guard detail == nil, let target else { return nil }
      detail = target.key
      detailEvents = nil
      detailScroll = 0
      return .loadEvents(target.key)
    case .character("/"): mode = .filter(filter)
    case .character(":"): mode = .command("")
    case .control("l"): return .repaint
    case .character(let c) where DashboardAction.allCases.contains(where: { $0.key == c }):
      return act(DashboardAction.allCases.first { $0.key == c }!, at: instant)
    default: break
    }
    return nil
  }

  mutating func act(_ action: DashboardAction, at instant: ContinuousClock.Instant) -> DashboardEffect? {
    guard let target else {
      status = DashboardStatus("\(action.rawValue): select an object first (2: objects, 3: canaries)", isError: true)
      return nil
    }
    guard action.applies(to: target.key.kind) else {
      status = DashboardStatus(action.scope, isError: true)
      return nil
    }
    guard action.needsConfirmation else {
      status = DashboardStatus("\(action.rawValue) \(Self.describe(target.key)) …")
      return .perform(action, target.key)
    }
    mode = .confirm(PendingAction(action: action, target: target.key, asked: instant))
    return nil
  }

  mutating func answer(_ pending: PendingAction, _ key: Key, at instant: ContinuousClock.Instant) -> DashboardEffect? {
    if instant - pending.asked < PendingAction.guardTime { return nil }
    mode = .normal
    guard key == .character("y") || key == .character("Y") else {
      status = DashboardStatus("\(pending.action.rawValue) cancelled")
      return nil
    }
    status = DashboardStatus("\(pending.action.rawValue) \(Self.describe(pending.target)) …")
    return .perform(pending.action, pending.target)
  }

  /// `:ks`, `:hr`, `:canary`, `:src`, `:all`, `:ns NAME|all`, `:q`.
  mutating func run(command text: String) -> DashboardEffect? {
    let words = text.split(separator: " ").map { $0.lowercased() }
    guard let verb = words.first else { return nil }
    if verb == "q" || verb == "quit" { return .quit }
    if verb == "ns" || verb == "namespace" {
      guard words.count == 2 else {
        status = DashboardStatus(":ns needs a namespace, or all", isError: true)
        return nil
      }
      let namespace = words[1] == "all" || words[1] == "-a" ? nil : words[1]
      self.namespace = namespace
      closeDetail()
      status = DashboardStatus("namespace: \(namespace ?? "all")")
      return .switchNamespace(namespace)
    }
    if ["canary", "canaries", "cn"].contains(verb) {
      switchTo(.canaries)
      return nil
    }
    if ["all", "objects", "o"].contains(verb) {
      kindFilter = nil
      switchTo(.objects)
      return nil
    }
    if ["fleet", "ctx", "contexts"].contains(verb), isFleet {
      switchTo(.fleet)
      return nil
    }
    if ["tree", "t"].contains(verb) {
      switchTo(.tree)
      return nil
    }
    if ["overview", "ov", "home"].contains(verb) {
      switchTo(.overview)
      return nil
    }
    guard let kind = Self.commandKinds[verb] else {
      status = DashboardStatus("unknown command :\(text) (? lists them)", isError: true)
      return nil
    }
    kindFilter = kind
    switchTo(.objects)
    return nil
  }

  static let commandKinds: [String: FluxKind] = [
    "ks": .kustomization, "kustomization": .kustomization, "kustomizations": .kustomization,
    "hr": .helmRelease, "helmrelease": .helmRelease, "helmreleases": .helmRelease,
    "git": .gitRepository, "gitrepo": .gitRepository, "gitrepository": .gitRepository,
    "oci": .ociRepository, "ocirepo": .ociRepository, "helmrepo": .helmRepository, "hrepo": .helmRepository,
    "bucket": .bucket, "chart": .helmChart, "hc": .helmChart, "helmchart": .helmChart,
  ]

  /// Line editing for the filter and command prompts; returns the new text.
  func edit(_ text: String, _ key: Key, onDone: () -> Void, onCancel: () -> Void) -> String? {
    switch key {
    case .enter:
      onDone()
      return text
    case .escape:
      onCancel()
      return nil
    case .backspace: return String(text.dropLast())
    case .control("u"): return ""
    case .character(let c): return text + String(c)
    default: return text
    }
  }

  mutating func switchTo(_ next: DashboardScreen) {
    closeDetail()
    screen = next
  }

  mutating func closeDetail() {
    detail = nil
    detailEvents = nil
    detailScroll = 0
  }

  mutating func move(by delta: Int) {
    if detail != nil {
      // The view clamps the scroll to the text's length.
      detailScroll = min(max(detailScroll + max(min(delta, 10_000), -10_000), 0), 10_000)
      return
    }
    let rows = selectable
    let count = rows.count
    guard count > 0 else { return }
    let moved = selectedIndex(in: rows).addingReportingOverflow(delta)
    let next = moved.overflow ? (delta > 0 ? count - 1 : 0) : moved.partialValue
    let index = min(max(next, 0), count - 1)
    selection[screen] = index
    selectedKeys[screen] = rows[index].key
  }

  static func describe(_ key: DashboardKey) -> String {
    "\(key.kind.kind) \(key.namespace)/\(key.name)"
  }
}
