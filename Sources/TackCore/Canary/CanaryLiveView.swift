/// Redraws a block of lines in place on a terminal without flicker: the cursor goes back to the
/// top of the previous frame, each line is overwritten and the rest of it cleared (`ESC[K`), and
/// whatever the old frame had below the new one is cleared (`ESC[J`). Nothing is blanked before
/// it is redrawn, so the screen never shows an empty frame. Lines must already fit the terminal
/// width (a wrapped line would break the count).
public struct LiveFrame: Sendable, Equatable {
  /// Lines drawn by the previous frame.
  public private(set) var height = 0
  private var previous: [String] = []

  public init() {}

  /// The bytes that turn the previous frame into `lines`; empty when nothing changed.
  public mutating func update(_ lines: [String]) -> String {
    guard lines != previous || height == 0 else { return "" }
    var out = ""
    if height > 0 { out += "\u{1B}[\(height)F" }  // up `height` lines, column 1
    for line in lines { out += line + "\u{1B}[K\n" }
    if lines.count < height { out += "\u{1B}[J" }
    height = lines.count
    previous = lines
    return out
  }
}

/// Off a terminal, `--watch` and `--wait` print one line per state change instead of redrawing.
/// The state is what a person or a CI log cares about: phase, weight, step, failed checks, gate.
public struct CanaryStateLine: Sendable, Equatable {
  public var phase: String
  public var weight: Int
  public var progress: String
  public var failed: String
  public var gate: String?

  public init(report: CanaryStatusReport) {
    phase = report.status.phase == .none ? "Pending" : report.status.phase.description
    weight = report.progress.intendedWeight
    progress = (report.progress.unit == .step ? "step " : "iteration ") + report.progress.fraction
    failed = report.progress.failedFraction
    gate = report.gate.map { "\($0.type.rawValue) \($0.webhook.name)" }
  }

  /// `Progressing weight=20% step 2/5 failed=0/5`, plus ` gate=confirm-promotion approve` when held.
  public var text: String {
    var line = "\(phase) weight=\(weight)% \(progress) failed=\(failed)"
    if let gate { line += " gate=\(gate)" }
    return line
  }
}
