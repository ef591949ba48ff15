/// tack's exit codes. Scripts branch on these, so they are part of the interface (README, man page).
public enum ExitStatus: Int32, Sendable, CaseIterable, Comparable {
  case success = 0
  /// An error: API, network, bad input.
  case failure = 1
  /// `tack diff` only, after diff(1) and `flux diff`: an error, since 1 there means "differences found".
  case trouble = 2
  /// Waiting for a condition ran out of time (`--timeout`).
  case timedOut = 3
  /// The resource itself reported failure (Ready=False, Stalled, a failed canary).
  case resourceFailed = 4
  /// The named object or kind does not exist.
  case notFound = 5
  /// The command line was wrong (argument-parser's EX_USAGE).
  case usage = 64
  /// Interrupted by SIGINT/SIGTERM; nothing was left half done.
  case interrupted = 130
  /// The reader of stdout went away (`tack get ks | head -1`): the output is cut short, so this is
  /// not success, and it is said quietly, as the shell reports a program SIGPIPE ended (128 + 13).
  case brokenPipe = 141

  public var summary: String {
    switch self {
    case .success: "success"
    case .failure: "error (API, network, bad input); for tack diff: differences found"
    case .trouble: "tack diff only: an error (API, network, bad input)"
    case .timedOut: "timed out waiting"
    case .resourceFailed: "the resource reported failure (Ready=False, Stalled, canary Failed)"
    case .notFound: "not found"
    case .usage: "usage error"
    case .interrupted: "interrupted (Ctrl-C)"
    case .brokenPipe: "stdout was closed early (a pipe into head); nothing is printed"
    }
  }

  /// When several objects are handled at once, the most severe outcome decides the exit code.
  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.severity < rhs.severity }

  var severity: Int {
    switch self {
    case .success: 0
    case .notFound, .brokenPipe: 1
    case .resourceFailed: 2
    case .timedOut: 3
    case .failure, .trouble: 4
    case .usage: 5
    case .interrupted: 6
    }
  }
}
