import TackBase
import TackOutput

/// Renders a `CanaryStatusReport` for people: a header and the Images, Analysis and History sections.
/// Pure and deterministic (golden-tested); colour only when asked. Text from the cluster (messages,
/// events, webhook names and URLs, images) goes through `TerminalText` before it is laid out.
public struct CanaryStatusRenderer: Sendable {
  public var colored: Bool
  /// Columns available; lines are cut to fit so a live redraw can count its lines.
  public var width: Int?

  public init(colored: Bool = false, width: Int? = nil) {
    self.colored = colored
    self.width = width
  }

  static let labelWidth = 15

  public func render(_ report: CanaryStatusReport) -> String {
    lines(report).map { $0 + "\n" }.joined()
  }

  /// The screen as lines, without newlines.
  public func lines(_ report: CanaryStatusReport) -> [String] {
    var out: [String] = []
    out += header(report)
    out.append("")
    out += imagesSection(report)
    out.append("")
    out += analysisSection(report)
    out.append("")
    out += historySection(report)
    guard let width, width > 0 else { return out }
    return out.map { Self.cut($0, to: width) }
  }

  func field(_ label: String, _ value: String) -> String {
    let padded = label + ":" + String(repeating: " ", count: max(1, Self.labelWidth - label.count - 1))
    return padded + value
  }

  func paint(_ text: String, _ color: ANSIColor) -> String { color.wrap(text, enabled: colored) }

  func phaseColor(_ phase: CanaryPhase) -> ANSIColor {
    switch phase {
    case .succeeded, .initialized: .green
    case .failed: .red
    case .waiting, .waitingPromotion: .yellow
    case .progressing, .promoting, .finalising, .initializing: .blue
    default: .gray
    }
  }

  // MARK: header

  public func header(_ r: CanaryStatusReport) -> [String] {
    var out: [String] = []
    let p = r.progress
    out.append(field("Name", r.name))
    out.append(field("Namespace", r.namespace))
    out.append(field("Target", "\(r.spec.targetKind)/\(r.spec.targetName)"))
    out.append(field("Strategy", strategyText(r)))
    let phaseText =
      r.status.phase == .none ? "Pending (not yet synced by Flagger)" : TerminalText.sanitize(r.status.phase.description)
    out.append(field("Status", paint(r.status.phase.icon + " " + phaseText, phaseColor(r.status.phase))))
    if let condition = r.status.promoted, !condition.message.isEmpty {
      out.append(field("Message", TerminalText.sanitize(condition.message)))
    }
    out.append(field("Weight", weightText(p, phase: r.status.phase)))
    let unit = p.unit == .step ? "step" : "iteration"
    out.append(field(p.unit == .step ? "Step" : "Iteration", "\(p.bar()) \(unit) \(p.stepText)"))
    var failed = p.failedText
    if p.failedChecks > 0, !r.status.phase.isTerminal {
      failed += p.checksBeforeRollback == 0
        ? " (threshold reached: rollback on the next tick)"
        : " (\(p.checksBeforeRollback) more before rollback)"
    }
    out.append(field("Failed checks", failed))
    var timing = "\(p.interval)"
    if let eta = p.eta { timing += " · ETA ≥ \(HumanDuration.short(seconds: eta.seconds)) if all checks pass" }
    out.append(field("Interval", timing))
    out.append(field("Gate", gateText(r)))
    var flags: [String] = []
    if r.spec.suspend { flags.append("॥ suspended (Flagger skips every tick)") }
    if r.spec.skipAnalysis { flags.append("skipAnalysis (promotes without checks)") }
    if !flags.isEmpty { out.append(field("Flags", flags.joined(separator: " · "))) }
    out.append(field("Revision", revisionText(r.status)))
    if let owner = r.fluxKustomization {
      let who = owner.isEmpty ? "a Flux Kustomization" : "Flux Kustomization \(owner)"
      out.append(field("Managed by", "\(who) (manual spec changes are reverted)"))
    }
    return out
  }

  func strategyText(_ r: CanaryStatusReport) -> String {
    let a = r.spec.analysis
    switch r.spec.strategy {
    case .canary:
      if a.stepWeight <= 0, !a.stepWeights.isEmpty {
        return "canary (weights \(a.stepWeights.map { "\($0)" }.joined(separator: ", ")))"
      }
      return "canary (+\(a.stepWeight)% per step up to \(r.progress.maxWeight)%)"
    case .blueGreen: return "blue/green (\(r.spec.effectiveIterations) iterations, then all traffic)"
    case .abTesting: return "A/B testing (\(r.spec.effectiveIterations) iterations on matched requests)"
    }
  }

  func weightText(_ p: CanaryProgress, phase: CanaryPhase) -> String {
    if p.reportedWeightIsZeroed {
      return "\(p.intendedWeight)% intended · status reads \(p.weight)% (Flagger zeroes canaryWeight while \(phase))"
    }
    return "\(p.intendedWeight)% of \(p.maxWeight)% max"
  }

  func gateText(_ r: CanaryStatusReport) -> String {
    guard let gate = r.gate else {
      let gates = r.spec.analysis.webhooks.filter {
        $0.type == .confirmRollout || $0.type == .confirmPromotion || $0.type == .confirmTrafficIncrease
      }
      if gates.isEmpty { return "none configured" }
      return TerminalText.sanitize("not holding (" + gates.map { "\($0.typeText) \($0.name)" }.joined(separator: ", ") + ")")
    }
    var text = paint(TerminalText.sanitize("◷ held by \(gate.type.rawValue) webhook \(gate.webhook.name)"), .yellow)
    if let since = gate.since.flatMap(RFC3339Time.init) { text += " since \(since.clock)" }
    if gate.loadtester != nil {
      text += " · open: tack promote canary \(r.name) -n \(r.namespace)"
    } else {
      text += " · \(TerminalText.sanitize(gate.webhook.url)) is not a loadtester /gate/check"
    }
    return text
  }

  func revisionText(_ s: CanaryStatus) -> String { TerminalText.sanitize(revisionWords(s)) }

  func revisionWords(_ s: CanaryStatus) -> String {
    if s.lastAppliedSpec.isEmpty { return "unknown (not yet synced)" }
    if s.revisionDiffersFromPromoted {
      let what = s.phase == .failed ? "failed revision" : "revision under test"
      return "\(what) \(s.lastAppliedSpec) differs from last promoted \(s.lastPromotedSpec)"
    }
    return "\(s.lastAppliedSpec) (same as last promoted)"
  }

  // MARK: sections

  public func imagesSection(_ r: CanaryStatusReport) -> [String] {
    var rows: [[String]] = []
    func add(_ role: String, _ workload: String, _ images: [CanaryStatusReport.ContainerImage]?) {
      guard let images else {
        rows.append([role, workload, "(not found)"])
        return
      }
      if images.isEmpty { rows.append([role, workload, "(no containers)"]) }
      for (i, image) in images.enumerated() {
        rows.append([i == 0 ? role : "", i == 0 ? workload : "", image.container, image.image])
      }
    }
    add("canary", r.spec.targetName, r.images.canary)
    add("primary", r.spec.primaryName, r.images.primary)
    return ["Images:"] + Self.columns(rows).map { "  " + $0 }
  }

  public func analysisSection(_ r: CanaryStatusReport) -> [String] {
    var out = ["Analysis:"]
    let a = r.spec.analysis
    if a.metrics.isEmpty {
      out.append("  no metrics")
    } else {
      let rows =
        [["METRIC", "THRESHOLD", "INTERVAL", "TEMPLATE"]]
        + a.metrics.map { [$0.name, $0.thresholdText, $0.interval, $0.templateText ?? "built-in"] }
      out += Self.columns(rows).map { "  " + $0 }
    }
    if a.webhooks.isEmpty {
      out.append("  no webhooks")
    } else {
      let rows = [["WEBHOOK", "TYPE", "URL"]] + a.webhooks.map { [$0.name, $0.typeText, $0.url] }
      out += Self.columns(rows).map { "  " + $0 }
    }
    return out
  }

  public func historySection(_ r: CanaryStatusReport) -> [String] {
    var out = ["History (UTC, oldest first):"]
    // Flagger reports an idle rollback hook on every tick; it says nothing about the release.
    let shown = r.history.filter { if case .rollbackHookIdle = $0.kind { return false } else { return true } }
    if shown.isEmpty { out.append("  no events") }
    for event in shown {
      let time = RFC3339Time(event.time)?.clock ?? "--:--:--"
      let (icon, text) = event.summary
      var line = "  \(time)  \(icon) \(TerminalText.sanitize(text))"
      if event.count > 1 {
        let first = event.firstTime.flatMap(RFC3339Time.init).map { " since \($0.clock)" } ?? ""
        line += " (x\(event.count)\(first))"
      }
      out.append(line)
    }
    if r.historyMayBeIncomplete {
      out.append(
        "  ⚠ events may be incomplete: Kubernetes folds repeats (xN) and expires events after about 1h")
    }
    return out
  }

  /// Left-aligned columns separated by two spaces, trailing spaces trimmed.
  static func columns(_ cells: [[String]]) -> [String] {
    let rows = cells.map { $0.map(TerminalText.sanitize) }
    let count = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
    return rows.map { row in
      var line = ""
      for (i, cell) in row.enumerated() {
        line += cell
        if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell) + 2) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Cuts a line to `width` display columns, skipping ANSI escapes when counting.
  static func cut(_ line: String, to width: Int) -> String {
    var used = 0
    var result = ""
    var inEscape = false
    var truncated = false
    for scalar in line.unicodeScalars {
      if inEscape {
        result.unicodeScalars.append(scalar)
        if scalar == "m" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        result.unicodeScalars.append(scalar)
        continue
      }
      let w = DisplayWidth.of(scalar)
      if used + w > width {
        truncated = true
        continue
      }
      used += w
      result.unicodeScalars.append(scalar)
    }
    _ = truncated
    return result
  }
}
